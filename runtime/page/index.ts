// hono-preact-actions/page: the page layer. definePage and render for pages, defineRoutes for the route
// tree, and <Routes>, <Link> and navigate for the app that shows it.
export { definePage, type PageComponent } from './define-page.ts';
export { render } from '../outcomes.ts';
export { Head, type HeadTags } from './head.ts';
export { type DeniedProps, Link, navigate, Routes, type RoutesProps } from './host.ts';
export {
  defineRoutes,
  type LoadedRoute,
  type RouteDefinition,
  type RouteMatch,
  type RouteNode,
  type RouteParams,
  type RouteTable,
} from './routes.ts';
