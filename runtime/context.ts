// What the server hands to middleware, guards and units. Types only, so the isomorphic entry can
// export them without pulling Hono into a client bundle.
import type { Context } from 'hono';

export type MiddlewareScope = 'page' | 'loader' | 'action';

export interface LoaderLocation {
  path: string;
  search?: string;
  params?: Record<string, string>;
}

interface BaseContext {
  /** The Hono context: headers, cookies, env. */
  c: Context;
  /** The server module's key, e.g. `movies` or `admin/users`. */
  module: string;
  /** Aborted when the client goes away (or aborts its call). */
  signal: AbortSignal;
  requestId: string;
}

export interface ActionContext extends BaseContext {
  scope: 'action';
  action: string;
  payload: unknown;
}

export interface LoaderContext extends BaseContext {
  scope: 'loader';
  loader: string;
  location: LoaderLocation;
}

/** A page render on the server: the app's and the page layer's middleware around it. */
export interface PageContext extends Omit<BaseContext, 'module'> {
  scope: 'page';
  /** The matched route's pattern, e.g. `/admin/movies/:id` (undefined when no route matched). */
  route: string | undefined;
  location: LoaderLocation;
}

export type ServerContext = ActionContext | LoaderContext | PageContext;

/** Narrows the context a server middleware sees by the scope it is declared for. */
export type ServerContextFor<S extends MiddlewareScope> = S extends 'action'
  ? ActionContext
  : S extends 'loader'
    ? LoaderContext
    : S extends 'page'
      ? PageContext
      : ServerContext;

/** What client middleware sees on an intra-app navigation: no Hono context, since there is no request. */
export interface ClientContext {
  scope: 'page';
  route: string;
  location: LoaderLocation;
}
