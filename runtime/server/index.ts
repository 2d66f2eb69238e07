// hono-preact-actions/server: the Hono handlers for POST /__actions and POST /__loaders.
import type { UnitKind } from './decode-call.ts';
import { createUnitHandler, type HandlerOptions } from './handler.ts';
import type { ServerModuleGlob } from './registry.ts';

export type { HandlerOptions } from './handler.ts';
/** Used by compiled server modules (their serverActions and serverLoaders); not called by hand. */
export { listedUnits } from './listed-units.ts';
export { location, type RenderPageOptions, renderPage } from './render-page.ts';
export type { UnitHandler } from './page-loaders.ts';
export type { ServerModule, ServerModuleGlob } from './registry.ts';

const handlerFor = (kind: UnitKind) => (glob: ServerModuleGlob, options?: HandlerOptions) =>
  createUnitHandler(kind, glob, options);

/** `app.all('/__actions', actionsHandler(import.meta.glob('/src/pages/**\/*.server.ts')))` */
export const actionsHandler = handlerFor('action');

/** `app.all('/__loaders', loadersHandler(import.meta.glob('/src/pages/**\/*.server.ts')))` */
export const loadersHandler = handlerFor('loader');
