import { h } from 'preact';
import { getLoaderData } from '../../../runtime/index.ts';
import serverLoader from './misplaced.server.ts';

export default getLoaderData(() => h('p', null, 'never'), { serverLoader });
