// Shared by pages and server modules: the server leg's body uses db.ts, the client leg's does not.
import { defineClientMiddleware, defineServerMiddleware, redirect } from 'hono-preact-actions';
import { db } from './server/db.ts';

const requireSessionServer = defineServerMiddleware(async (ctx, next) => {
  const session = await db.session(ctx.c.req.header('authorization') ?? 'SERVER_MARKER_auth_middleware');
  if (!session) throw redirect('/login');
  await next();
});

const requireSessionClient = defineClientMiddleware(async (_ctx, next) => {
  if (typeof window !== 'undefined' && !window.localStorage.getItem('app:authed')) throw redirect('/login');
  await next();
});

export const requireSession = [requireSessionServer, requireSessionClient];
