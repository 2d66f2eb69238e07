// A server module that uses web standards only, called on every runtime.
import { ActionGuardError, defineAction, defineActionGuard } from '../../runtime/index.ts';

export const actionGuards = [
  defineActionGuard(async ({ c, action }, next) => {
    if (action === 'guarded' && c.req.header('authorization') !== 'Bearer ok') {
      throw new ActionGuardError('Authentication required', 401);
    }
    return next();
  }),
];

export const serverActions = {
  echo: defineAction(async (_ctx, payload: unknown) => ({ payload, runtime: runtimeName() })),
  count: defineAction(async function* (_ctx, payload: { to: number }) {
    for (let i = 1; i <= payload.to; i++) yield { count: i };
  }),
  guarded: defineAction(async () => ({ ok: true })),
};

function runtimeName(): string {
  const g = globalThis as {
    Bun?: unknown;
    Deno?: unknown;
    process?: { versions?: { node?: string } };
    navigator?: { userAgent?: string };
  };
  if (g.Bun) return 'bun';
  if (g.Deno) return 'deno';
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  return g.process?.versions?.node ? 'node' : 'unknown';
}
