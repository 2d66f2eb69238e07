import { type ComponentChildren, h } from 'preact';
import { definePage } from '../../../../runtime/page/index.ts';
import { adminRing } from '../middleware.ts';

const AdminLayout = ({ children }: { children?: ComponentChildren }) => h('section', { id: 'admin' }, children);

export default definePage(AdminLayout, { use: adminRing });
