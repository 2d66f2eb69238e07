import { defineAction, defineLoader, defineServerMiddleware, deny } from 'hono-preact-actions';
import { z } from 'zod';
import { audit, movies } from '../../server/db.ts';

// The leaf's own ring, inside the layout's gate: every view of a movie and every change is audited,
// whether it came as a server render, a client navigation's loader call, or an action.
export const pageUse = [
  defineServerMiddleware(async (ctx, next) => {
    await next();
    const what = ctx.scope === 'action' ? `${ctx.action} on` : 'viewed';
    const id = ctx.scope === 'action' ? (ctx.payload as { id?: unknown }).id : ctx.location.params?.id;
    audit.add(`admin ${what} movie ${String(id)}`);
  }),
];

export default defineLoader(async (ctx) => {
  const movie = movies.byId(Number(ctx.location.params?.id));
  if (!movie) throw deny(404, `There is no movie ${ctx.location.params?.id}.`);
  return { movie };
});

export const serverActions = {
  rate: defineAction(
    async (_ctx, { id, rating }) => {
      if (!movies.byId(id)) throw deny(404, `There is no movie ${id}.`);
      movies.rate(id, rating);
      return { rating };
    },
    { input: z.object({ id: z.number().int(), rating: z.number().int().min(1).max(5) }) },
  ),
};
