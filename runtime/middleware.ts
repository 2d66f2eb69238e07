// The middleware factories. Each returns a brand object whose `runs` says which side executes it;
// the compiler removes the arguments of the other side's calls, so there the same call returns the
// brand with no body, and the body's imports are gone from that bundle.
import type { ClientContext, MiddlewareScope, ServerContext, ServerContextFor } from './context.ts';

export type Side = 'server' | 'client';
export type Next = () => Promise<void>;
export type MiddlewareFn<Ctx> = (ctx: Ctx, next: Next) => unknown;

export interface Middleware<Ctx = never, S extends Side = Side> {
  readonly kind: 'middleware';
  readonly runs: S;
  /** Absent where the compiler stripped the body for the other side. */
  readonly fn?: MiddlewareFn<Ctx>;
}

export interface StreamObserverCallbacks<Ctx = ServerContext> {
  onStart?(ctx: Ctx): void;
  onChunk?(ctx: Ctx, chunk: unknown, index: number): void;
  onEnd?(ctx: Ctx, info: { chunks: number; result?: unknown }): void;
  onError?(ctx: Ctx, error: unknown, info: { chunks: number }): void;
  onAbort?(ctx: Ctx, info: { chunks: number }): void;
}

export interface StreamObserver<Ctx = ServerContext> {
  readonly kind: 'observer';
  readonly runs: 'server';
  readonly callbacks?: StreamObserverCallbacks<Ctx>;
}

/**
 * What a `use` around calls with context Ctx accepts: server middleware that can take Ctx (so a
 * `defineServerMiddleware<'page'>`, the kind that may throw render(), is refused around a loader or an
 * action), client middleware, and stream observers. `any` (the default): a pageUse export, checked at runtime.
 */
export type UseEntry<Ctx = any> = Middleware<Ctx, 'server'> | Middleware<ClientContext, 'client'> | StreamObserver<any>;
/** Where a `use` is accepted: one entry, or arrays of them (nested arrays are flattened). */
export type Use<Ctx = any> = UseEntry<Ctx> | readonly Use<Ctx>[];

export function defineServerMiddleware<S extends MiddlewareScope = MiddlewareScope>(
  fn?: MiddlewareFn<ServerContextFor<S>>,
): Middleware<ServerContextFor<S>, 'server'> {
  return { kind: 'middleware', runs: 'server', fn };
}

export function defineClientMiddleware(fn?: MiddlewareFn<ClientContext>): Middleware<ClientContext, 'client'> {
  return { kind: 'middleware', runs: 'client', fn };
}

export function defineStreamObserver<Ctx = ServerContext>(
  callbacks?: StreamObserverCallbacks<Ctx>,
): StreamObserver<Ctx> {
  return { kind: 'observer', runs: 'server', callbacks };
}
