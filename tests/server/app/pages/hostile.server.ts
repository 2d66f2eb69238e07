// Units for the hostile-input tests: a tiny body limit, a raised one, streams for the no-JS path,
// and a redirect to wherever the payload says.
import { defineAction, defineLoader, redirect } from '../../../../runtime/index.ts';
import { journal } from '../journal.ts';

/** The page loader: redirects to `?to=` when there is one. */
export default defineLoader(async (ctx) => {
  const to = new URLSearchParams(ctx.location.search ?? '').get('to');
  if (to) throw redirect(to);
  return { stayed: true };
});

export const serverActions = {
  echo: defineAction(async (_ctx, payload: unknown) => {
    journal.unitCalls++;
    return { payload };
  }),
  tiny: defineAction(
    async (_ctx, payload: unknown) => {
      journal.unitCalls++;
      return { payload };
    },
    { bodyLimit: 200 },
  ),
  upload: defineAction(
    async () => {
      journal.unitCalls++;
      return { ok: true };
    },
    { bodyLimit: 8 * 1024 * 1024 },
  ),
  countTo: defineAction(async function* (_ctx, payload: { to: string | number }) {
    journal.unitCalls++;
    for (let i = 1; i <= Number(payload.to); i++) yield { count: i };
  }),
  breaks: defineAction(async function* () {
    journal.unitCalls++;
    yield 'first';
    throw new Error('stream broke');
  }),
  /** Megabytes of chunks as fast as they are read, until the caller goes away. */
  endless: defineAction(async (ctx) => {
    journal.unitCalls++;
    const chunk = 'x'.repeat(64 * 1024);
    return (async function* () {
      try {
        while (!ctx.signal.aborted) yield chunk;
      } finally {
        journal.aborted.push(ctx.signal.aborted ? 'endless saw abort' : 'endless stopped without abort');
      }
    })();
  }),
  away: defineAction(async (_ctx, payload: { to: string }) => {
    journal.unitCalls++;
    throw redirect(payload.to, 303);
  }),
};
