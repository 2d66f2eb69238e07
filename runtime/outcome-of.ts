// Recognising an outcome (outcomes.ts) wherever it surfaces: a module of its own because the browser needs
// it only in a navigation's client chain (page/client-chain.ts), loaded on demand, while outcomes.ts is
// reachable from every entry point. It reads the registered brand itself rather than importing it, so
// no bundler finds a path from an entry point to this module.
import type { OUTCOME, Outcome, Redirect, Render } from './outcomes.ts';

const BRAND: typeof OUTCOME = Symbol.for('hono-preact-actions.outcome') as typeof OUTCOME;

/** The outcome something thrown stands for, or null when it is an ordinary error. */
export function asOutcome(thrown: unknown): Outcome | null {
  if (typeof thrown !== 'object' || thrown === null || !(BRAND in thrown)) return null;
  // An ActionGuardError: its message is the Error's own, not enumerable, so the deny is a plain copy
  // (a component given it as props, a JSON answer, see every field).
  if (thrown instanceof Error)
    return { [BRAND]: 'deny', status: (thrown as { status?: number }).status ?? 403, message: thrown.message };
  return thrown as Outcome;
}

export function isRedirect(outcome: Outcome): outcome is Redirect {
  return outcome[BRAND] === 'redirect';
}

export function isRender(outcome: Outcome): outcome is Render {
  return outcome[BRAND] === 'render';
}
