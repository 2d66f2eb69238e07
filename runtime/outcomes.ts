// Outcomes: how a middleware, guard or unit short-circuits a call. They are values with a brand the
// chain recognises wherever they surface, so a redirect thrown inside a helper is still a redirect.
// The brand is a registered symbol, so two copies of this module (dev servers do that) agree, and so
// does outcome-of.ts, which recognises outcomes without this module (the browser loads it on demand).
import type { ComponentType } from 'preact';

export const OUTCOME = Symbol.for('hono-preact-actions.outcome');

export interface Redirect {
  readonly [OUTCOME]: 'redirect';
  readonly to: string;
  readonly status: number;
}

export interface Deny {
  readonly [OUTCOME]: 'deny';
  readonly status: number;
  readonly message: string;
}

/** `render(Component)` from hono-preact-actions/page: the page's tree replaced by this component. */
export interface Render {
  readonly [OUTCOME]: 'render';
  readonly component: ComponentType;
}

export type Outcome = Redirect | Deny | Render;

/** Throw it: an HTTP redirect on a page, `{ __outcome: 'redirect', to }` on an RPC call. */
export function redirect(to: string, status = 302): Redirect {
  return { [OUTCOME]: 'redirect', to, status };
}

/** Throw it: a response with this status; on an RPC call the client surfaces `message` as the error. */
export function deny(status: number, message: string): Deny {
  return { [OUTCOME]: 'deny', status, message };
}

/**
 * A guard's refusal: a deny with a message and a status (403 when none is given). It carries the deny
 * brand, so outcome-of.ts recognises it without importing this class.
 */
export class ActionGuardError extends Error {
  override name = 'ActionGuardError';
  readonly [OUTCOME] = 'deny';
  readonly status: number;
  constructor(message: string, status = 403) {
    super(message);
    this.status = status;
  }
}

/**
 * Throw it from a page's middleware: the matched route's tree is replaced by <Component />, at the same
 * URL. Anywhere else (a loader's or an action's chain) it is an error, since there is no page to replace.
 * Exported to users only from hono-preact-actions/page.
 */
export function render(component: Render['component']): Render {
  return { [OUTCOME]: 'render', component };
}

/** What a render outcome thrown outside a page's own middleware becomes: an error that says where it belongs. */
export function renderOutsidePage(where: string): Error {
  return new Error(
    `render() is page scope only, but it was thrown around ${where}. Throw it from a page's middleware (definePage(View, { use })), or use redirect() or deny() here.`,
  );
}
