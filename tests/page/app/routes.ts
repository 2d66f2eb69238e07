// Seed 004's tree: a page, and /admin (a layout with a gate) above users/:id (a leaf with an audit).
import { defineRoutes } from '../../../runtime/page/index.ts';

export default defineRoutes([
  { path: '/page', view: () => import('./page.ts'), server: () => import('./page.server.ts') },
  {
    path: '/admin',
    layout: () => import('./admin/layout.ts'),
    server: () => import('./admin/layout.server.ts'),
    children: [
      { path: 'users/:id', view: () => import('./admin/users.ts'), server: () => import('./admin/users.server.ts') },
    ],
  },
  // Declared at the top, under /admin by its path: the layout's gate still applies.
  {
    path: '/admin/:team/settings',
    view: () => import('./admin/settings.ts'),
    server: () => import('./admin/settings.server.ts'),
  },
  { path: '/account', view: () => import('./account.ts'), server: () => import('./account.server.ts') },
  { path: '/members', view: () => import('./members.ts') },
  { path: '/misplaced', view: () => import('./misplaced.ts'), server: () => import('./misplaced.server.ts') },
  { path: '/login', view: () => import('./login.ts') },
]);
