import { defineLoader, defineServerMiddleware, redirect } from 'hono-preact-actions';
import { movies } from '../server/db.ts';
import { isAdmin } from '../server/session.ts';

// Gates the admin page's loader on every path: the server render, a client navigation and a direct call.
export const pageUse = [
  defineServerMiddleware(async (ctx, next) => {
    if (!isAdmin(ctx.c)) throw redirect('/login');
    await next();
  }),
];

export default defineLoader(async () => {
  const count = movies.all().length;
  if (count > 100_000) throw new Error('SERVER_MARKER_admin: too many movies to list');
  return { count };
});
