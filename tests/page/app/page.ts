import { h } from 'preact';
import { getLoaderData, type LoaderData } from '../../../runtime/index.ts';
import { definePage } from '../../../runtime/page/index.ts';
import { pageRing } from './middleware.ts';
import serverLoader from './page.server.ts';

const View = ({ loaderData }: LoaderData<{ title: string }>) => h('p', { id: 'page' }, loaderData.title);

export default definePage(getLoaderData(View, { serverLoader }), { use: pageRing });
