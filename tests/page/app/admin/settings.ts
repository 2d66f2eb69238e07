import { h } from 'preact';
import { getLoaderData, type LoaderData } from '../../../../runtime/index.ts';
import serverLoader from './settings.server.ts';

const View = ({ loaderData }: LoaderData<{ params: object | null }>) =>
  h('pre', { id: 'settings' }, JSON.stringify(loaderData.params));

export default getLoaderData(View, { serverLoader });
