// defineAction, defineLoader, defineActionGuard and defineApp. At runtime they only carry options;
// their phantom types let useAction and <Form> infer payload and result with no code generation.
import type { ActionContext, LoaderContext, ServerContext } from './context.ts';
import type { Middleware, MiddlewareFn, Use } from './middleware.ts';
import type { InferInput, InferOutput, StandardSchemaV1 } from './shared/standard-schema.ts';

declare const PAYLOAD: unique symbol;
declare const RESULT: unique symbol;

export interface UnitOptions<Ctx = any> {
  /** Middleware, guards and stream observers around this unit only (the innermost ring). */
  use?: Use<Ctx>;
  /** This unit's body limit in bytes, instead of the handler's (1 MiB by default). */
  bodyLimit?: number;
  /**
   * A Standard Schema (Zod, Valibot, ArkType, …) for the payload. Invalid input answers 422 with the
   * issues by field and the action never runs; valid input reaches it as the schema's output.
   */
  input?: StandardSchemaV1;
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

/** The type of a page loader: `const serverLoader: Loader<{ movies: Movie[] }> = async () => …`. */
export type Loader<R = unknown> = LoaderFn<R>;

/** With `input`, the action receives the schema's output, and callers send the schema's input. */
export function defineAction<S extends StandardSchemaV1, R = unknown>(
  fn: ActionFn<InferOutput<S>, R>,
  options: UnitOptions<ActionContext> & { input: S },
): Action<InferInput<S>, R>;
export function defineAction<P = unknown, R = unknown>(
  fn: ActionFn<P, R>,
  options?: UnitOptions<ActionContext>,
): Action<P, R>;
export function defineAction(fn: ActionFn<unknown, unknown>, options: UnitOptions<ActionContext> = {}): Action {
  return Object.assign((ctx: ActionContext, payload: unknown) => fn(ctx, payload), { options }) as Action;
}

export function defineLoader<R = unknown>(fn: LoaderFn<R>, options: UnitOptions<LoaderContext> = {}): LoaderUnit<R> {
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

/** The outermost ring: wraps every loader and action, and with routes every page render. */
export function defineApp(config: { use?: Use<ServerContext> }): AppConfig {
  return { use: config.use ?? [] };
}
