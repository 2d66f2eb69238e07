// The middleware factories. Each returns a brand object whose `runs` says which side executes it;
// the compiler removes the arguments of the other side's calls, so there the same call returns the
// brand with no body, and the body's imports are gone from that bundle.
export type Side = 'server' | 'client';
export type MiddlewareScope = 'page' | 'loader' | 'action';

export type Next = () => Promise<void>;
export type MiddlewareFn<Ctx> = (ctx: Ctx, next: Next) => unknown;

export interface Middleware<Ctx = unknown, S extends Side = Side> {
  readonly kind: 'middleware';
  readonly runs: S;
  /** Absent where the compiler stripped the body for the other side. */
  readonly fn?: MiddlewareFn<Ctx>;
}

export interface StreamObserverCallbacks<Ctx = unknown> {
  onStart?(ctx: Ctx): void;
  onChunk?(ctx: Ctx, chunk: unknown, index: number): void;
  onEnd?(ctx: Ctx, info: { chunks: number; result?: unknown }): void;
  onError?(ctx: Ctx, error: unknown, info: { chunks: number }): void;
  onAbort?(ctx: Ctx, info: { chunks: number }): void;
}

export interface StreamObserver<Ctx = unknown> {
  readonly kind: 'observer';
  readonly runs: 'server';
  readonly callbacks?: StreamObserverCallbacks<Ctx>;
}

export type UseEntry = Middleware<never> | StreamObserver<never>;

// Named type parameters keep `defineServerMiddleware<'page'>(…)` from the seed valid.
export function defineServerMiddleware<_S extends MiddlewareScope = MiddlewareScope, Ctx = unknown>(
  fn?: MiddlewareFn<Ctx>,
): Middleware<Ctx, 'server'> {
  return { kind: 'middleware', runs: 'server', fn };
}

export function defineClientMiddleware<Ctx = unknown>(fn?: MiddlewareFn<Ctx>): Middleware<Ctx, 'client'> {
  return { kind: 'middleware', runs: 'client', fn };
}

export function defineStreamObserver<Ctx = unknown>(callbacks?: StreamObserverCallbacks<Ctx>): StreamObserver<Ctx> {
  return { kind: 'observer', runs: 'server', callbacks };
}
