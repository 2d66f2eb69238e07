// The server entry of the Vite SSR build: the handler over every server module.
import { Hono } from 'hono';
import { actionsHandler, loadersHandler } from 'hono-preact-actions/server';
import { buildId } from 'virtual:hono-preact-actions/build-id';

const modules = import.meta.glob('/src/pages/**/*.server.ts');

export const app = new Hono()
  .post('/__actions', actionsHandler(modules, { root: '/src/pages', buildId }))
  .post('/__loaders', loadersHandler(modules, { root: '/src/pages', buildId }));
