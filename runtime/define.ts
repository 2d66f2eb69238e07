// defineAction, defineLoader, defineActionGuard and defineApp. At runtime they only carry options;
// their phantom types let useAction and <Form> infer payload and result with no code generation.
import type { ActionContext, LoaderContext } from './context.ts';
import type { Middleware, MiddlewareFn, Use } from './middleware.ts';

declare const PAYLOAD: unique symbol;
declare const RESULT: unique symbol;

export interface UnitOptions {
  /** Middleware, guards and stream observers around this unit only (the innermost ring). */
  use?: Use;
  /** This unit's body limit in bytes, instead of the handler's (1 MiB by default). */
  bodyLimit?: number;
}

/** A unit returns its result, or streams: a ReadableStream or an async iterable (then R is usually `never`). */
export type UnitResult<R> = R | ReadableStream | AsyncIterable<unknown>;

export type ActionFn<P, R> = (ctx: ActionContext, payload: P) => UnitResult<R> | Promise<UnitResult<R>>;
export type LoaderFn<R> = (ctx: LoaderContext) => UnitResult<R> | Promise<UnitResult<R>>;

export type Action<P = unknown, R = unknown> = ActionFn<P, R> & {
  readonly options: UnitOptions;
  readonly [PAYLOAD]?: P;
  readonly [RESULT]?: R;
};

export type LoaderUnit<R = unknown> = LoaderFn<R> & {
  readonly options: UnitOptions;
  readonly [RESULT]?: R;
};

/** The seed's type for a page loader: `const serverLoader: Loader<{ movies: Movie[] }> = async () => …`. */
export type Loader<R = unknown> = LoaderFn<R>;

export function defineAction<P = unknown, R = unknown>(fn: ActionFn<P, R>, options: UnitOptions = {}): Action<P, R> {
  return Object.assign((ctx: ActionContext, payload: P) => fn(ctx, payload), { options }) as Action<P, R>;
}

export function defineLoader<R = unknown>(fn: LoaderFn<R>, options: UnitOptions = {}): LoaderUnit<R> {
  return Object.assign((ctx: LoaderContext) => fn(ctx), { options }) as LoaderUnit<R>;
}

export interface GuardContext {
  c: ActionContext['c'];
  module: string;
  action?: string;
  loader?: string;
  payload?: unknown;
}

/** A guard is server middleware that sees `{ c, module, action, payload }`; `return next()` lets the call on. */
export function defineActionGuard(fn: MiddlewareFn<GuardContext>): Middleware<GuardContext, 'server'> {
  return { kind: 'middleware', runs: 'server', fn };
}

export interface AppConfig {
  readonly use: Use;
}

/** The outermost ring: wraps every loader and action (and, with the page layer, every page render). */
export function defineApp(config: { use?: Use }): AppConfig {
  return { use: config.use ?? [] };
}
