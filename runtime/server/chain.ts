// The middleware chain: the rings flattened, once per unit, into one side's middleware and the stream
// observers; the other side's middleware skipped; then run koa-style, each `await next()` entering the next
// ring and the unit at the centre, so code after next() unwinds in reverse and `finally` always runs.
import type { MiddlewareFn, Side, StreamObserverCallbacks } from '../middleware.ts';

export interface Rings {
  // `any`: the chain is typed where each middleware is defined.
  middleware: MiddlewareFn<any>[];
  // `any`: as above.
  observers: StreamObserverCallbacks<any>[];
}

/**
 * Flattens the rings outermost first, keeping the middleware of one side (the server's by default; the
 * browser's page host asks for the client's); nested arrays (a `use` holding `requireSession = [server,
 * client]`) are spread. Stream observers are the server's.
 */
export function flattenRings(rings: readonly unknown[], where: string, side: Side = 'server'): Rings {
  const flat: Rings = { middleware: [], observers: [] };
  const visit = (entry: unknown) => {
    if (entry === undefined || entry === null) return;
    if (Array.isArray(entry)) {
      entry.forEach(visit);
      return;
    }
    const brand = entry as { kind?: unknown; runs?: unknown; fn?: unknown; callbacks?: unknown };
    if (brand.kind === 'middleware' && (brand.runs === 'server' || brand.runs === 'client')) {
      if (brand.runs !== side) return;
      if (typeof brand.fn !== 'function') {
        let message = `${where}: no ${side} body`;
        // The explanation is for developers: production builds drop it (ARCHITECTURE.md, developer messages).
        try {
          if (process.env.NODE_ENV !== 'production')
            message = `${where}: a ${side} middleware has no body on the ${side}. This module was compiled for the ${side === 'server' ? 'client' : 'server'}; check the plugin's target for the ${side} build.`;
        } catch {}
        throw new TypeError(message);
      }
      // Once per call: a gate listed by a layout and again by its leaf (or by a page and its pageUse) runs once, outermost.
      if (!flat.middleware.includes(brand.fn as MiddlewareFn<unknown>))
        flat.middleware.push(brand.fn as MiddlewareFn<unknown>);
      return;
    }
    if (brand.kind === 'observer') {
      if (side === 'server' && brand.callbacks)
        flat.observers.push(brand.callbacks as StreamObserverCallbacks<unknown>);
      return;
    }
    let message = `${where}: not middleware`;
    // The explanation is for developers: production builds drop it (ARCHITECTURE.md, developer messages).
    try {
      if (process.env.NODE_ENV !== 'production')
        message = `${where}: ${describe(entry)} is not middleware. Wrap it: defineServerMiddleware(fn), defineClientMiddleware(fn), defineActionGuard(fn) or defineStreamObserver({ … }).`;
    } catch {}
    throw new TypeError(message);
  };
  rings.forEach(visit);
  return flat;
}

function describe(value: unknown): string {
  if (typeof value === 'function') return `the function ${value.name || '(anonymous)'}`;
  return `a value of type ${typeof value}`;
}

export const NEXT_CALLED_TWICE = 'next() was called more than once by one middleware.';

/**
 * Runs the chain around `inner` and resolves to what `inner` resolved to; when a middleware returned
 * without calling next(), to what `notCalled` returns (each caller throws its own error there).
 * Not async inside: each ring's promise is the middleware's own, passed on as it is, so a layer costs
 * its own call and the `next` it is handed, nothing more. So `next()` resolves to what the ring inside
 * it resolved to, as Koa's and Hono's do (the innermost: nothing); it is typed `Promise<void>`.
 */
export function runChain<Ctx>(
  middleware: readonly MiddlewareFn<Ctx>[],
  ctx: Ctx,
  inner: () => unknown,
  notCalled: () => unknown,
): Promise<unknown> {
  let result: unknown;
  let ran = false;
  let entered = -1;
  const dispatch = (index: number): Promise<void> => {
    try {
      if (index <= entered) throw new Error(NEXT_CALLED_TWICE);
      entered = index;
      const fn = middleware[index];
      if (fn === undefined) {
        ran = true;
        return Promise.resolve(inner()).then((value) => {
          result = value;
        });
      }
      return Promise.resolve(fn(ctx, () => dispatch(index + 1))) as Promise<void>;
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return dispatch(0).then(() => (ran ? result : notCalled()));
}
