// The outermost ring: a timing middleware around every loader and action, with a header to show it.
import { defineApp, defineServerMiddleware } from 'hono-preact-actions';

const timing = defineServerMiddleware(async (ctx, next) => {
  const started = performance.now();
  try {
    await next();
  } finally {
    ctx.c.header('X-Response-Time', `${(performance.now() - started).toFixed(1)}ms`);
  }
});

export default defineApp({ use: [timing] });
