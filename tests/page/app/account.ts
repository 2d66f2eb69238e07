import { h } from 'preact';
import { getLoaderData, type LoaderData } from '../../../runtime/index.ts';
import { definePage } from '../../../runtime/page/index.ts';
import serverLoader from './account.server.ts';
import { requireSession } from './middleware.ts';

const View = ({ loaderData }: LoaderData<{ balance: number }>) => h('p', { id: 'balance' }, `${loaderData.balance}`);

export default definePage(getLoaderData(View, { serverLoader }), { use: requireSession });
