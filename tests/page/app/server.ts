// The page-layer test app: the handlers and renderPage with the routes, as a user's server entry has them.
import { Hono } from 'hono';
import { h } from 'preact';
import { Routes } from '../../../runtime/page/index.ts';
import { actionsHandler, type HandlerOptions, loadersHandler, renderPage } from '../../../runtime/server/index.ts';
import appConfig from '../../server/app/app-config.ts';
import routes from './routes.ts';

export const glob = import.meta.glob('/tests/page/app/**/*.server.ts');

export function createPageApp(options: HandlerOptions = {}) {
  const settings: HandlerOptions = { app: appConfig, routes, root: '/tests/page/app', onError: () => {}, ...options };
  const Document = () => h('html', null, h('head', null), h('body', null, h('main', null, h(Routes, { routes }))));
  const actions = actionsHandler(glob, settings);
  const loaders = loadersHandler(glob, settings);
  // Named: the page tests build several apps in one process, each rendering with its own handlers.
  return new Hono()
    .post('/__actions', actions)
    .post('/__loaders', loaders)
    .on(['GET', 'POST'], '*', (c) => renderPage(c, h(Document, {}), { loaders, actions }));
}
