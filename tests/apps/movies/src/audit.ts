// Imports the factory through the listed re-exporter, spelled otherwise than the list spells it.
import { defineServerMiddleware } from './lib/actions.ts';
import { db } from './server/db.ts';

export const audit = defineServerMiddleware(async (ctx, next) => {
  await db.session(ctx.c.req.header('x-audit') ?? 'SERVER_MARKER_listed_reexporter');
  await next();
});
