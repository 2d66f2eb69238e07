import { h } from 'preact';
import { getLoaderData, type LoaderData } from '../../../../runtime/index.ts';
import { definePage } from '../../../../runtime/page/index.ts';
import { auditRing } from '../middleware.ts';
import serverLoader from './users.server.ts';

const View = ({ loaderData }: LoaderData<{ user: string | null }>) => h('p', { id: 'user' }, `user ${loaderData.user}`);

export default definePage(getLoaderData(View, { serverLoader }), { use: auditRing });
