import { defineServerMiddleware } from './unlisted-actions.ts';

export const guard = defineServerMiddleware(async (_ctx, next) => {
  console.log('SERVER_MARKER_unlisted_reexporter');
  await next();
});
