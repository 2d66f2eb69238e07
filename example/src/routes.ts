// The app's routes. /admin is a layout whose gate (its server module's pageUse, its definePage use)
// holds for every route under it; /admin/movies/:id adds its own audit ring inside that gate.
import { defineRoutes } from 'hono-preact-actions/page';

export default defineRoutes([
  { path: '/', view: () => import('./pages/movies.tsx'), server: () => import('./pages/movies.server.ts') },
  { path: '/ratings', view: () => import('./pages/ratings.tsx'), server: () => import('./pages/ratings.server.ts') },
  { path: '/login', view: () => import('./pages/login.tsx'), server: () => import('./pages/login.server.ts') },
  {
    path: '/admin',
    layout: () => import('./pages/admin/layout.tsx'),
    server: () => import('./pages/admin/layout.server.ts'),
    children: [
      {
        path: '',
        view: () => import('./pages/admin/index.tsx'),
        server: () => import('./pages/admin/index.server.ts'),
      },
      {
        path: 'movies/:id',
        view: () => import('./pages/admin/movie.tsx'),
        server: () => import('./pages/admin/movie.server.ts'),
      },
    ],
  },
]);
