// The context of one call. `signal` and `requestId` are made on first use: most calls never read
// them, and an AbortController plus a UUID per request is measurable against a bare Hono route.
import type { Context } from 'hono';
import type { LoaderLocation } from '../context.ts';

export const CONTROLLER = Symbol('hono-preact-actions.controller');
export const ABORTED = Symbol('hono-preact-actions.aborted');

abstract class CallContext {
  readonly c: Context;
  #abort: AbortController | undefined;
  #requestId: string | undefined;

  constructor(c: Context) {
    this.c = c;
  }

  get signal(): AbortSignal {
    return this[CONTROLLER]().signal;
  }

  get requestId(): string {
    this.#requestId ??= crypto.randomUUID();
    return this.#requestId;
  }

  /** Whether `signal` is aborted, or would be if made now: without making it. */
  [ABORTED](): boolean {
    return this.#abort ? this.#abort.signal.aborted : (this.c.req.raw.signal?.aborted ?? false);
  }

  /** The controller behind `signal`, tied to the request's own: the client going away aborts it. */
  [CONTROLLER](): AbortController {
    if (!this.#abort) {
      const controller = new AbortController();
      const requestSignal = this.c.req.raw.signal;
      if (requestSignal?.aborted) controller.abort(requestSignal.reason);
      else requestSignal?.addEventListener('abort', () => controller.abort(requestSignal.reason), { once: true });
      this.#abort = controller;
    }
    return this.#abort;
  }
}

/** A call to one unit of a server module: an action or a loader. */
abstract class UnitCallContext extends CallContext {
  readonly module: string;
  constructor(c: Context, module: string) {
    super(c);
    this.module = module;
  }
}

export class ActionCallContext extends UnitCallContext {
  readonly scope = 'action' as const;
  readonly action: string;
  readonly payload: unknown;
  constructor(c: Context, module: string, action: string, payload: unknown) {
    super(c, module);
    this.action = action;
    this.payload = payload;
  }
}

export class LoaderCallContext extends UnitCallContext {
  readonly scope = 'loader' as const;
  readonly loader: string;
  readonly location: LoaderLocation;
  constructor(c: Context, module: string, loader: string, location: LoaderLocation) {
    super(c, module);
    this.loader = loader;
    this.location = location;
  }
}

/** A page's server render: the app's and the page layer's middleware run around it. */
export class PageCallContext extends CallContext {
  readonly scope = 'page' as const;
  readonly route: string | undefined;
  readonly location: LoaderLocation;
  constructor(c: Context, route: string | undefined, location: LoaderLocation) {
    super(c);
    this.route = route;
    this.location = location;
  }
}
