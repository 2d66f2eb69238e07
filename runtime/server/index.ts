// hono-preact-actions/server: the Hono handlers for POST /__actions and POST /__loaders.
import type { UnitKind } from './decode-call.ts';
import { createUnitHandler, type HandlerOptions } from './handler.ts';
import type { ServerModuleGlob } from './registry.ts';

export type { HandlerOptions } from './handler.ts';
export { location, type RenderPageOptions, renderPage } from './render-page.ts';
export type { UnitHandler } from './page-loaders.ts';
export type { ServerModule, ServerModuleGlob } from './registry.ts';

const handlerFor = (kind: UnitKind) => (glob: ServerModuleGlob, options?: HandlerOptions) =>
  createUnitHandler(kind, glob, options);

/** `app.post('/__actions', actionsHandler(import.meta.glob('/src/pages/**\/*.server.ts')))` */
export const actionsHandler = handlerFor('action');

/** `app.post('/__loaders', loadersHandler(import.meta.glob('/src/pages/**\/*.server.ts')))` */
export const loadersHandler = handlerFor('loader');
