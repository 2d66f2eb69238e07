// A page behind a gate: without the admin cookie, its loader's chain redirects to /login.
import { defineLoader, defineServerMiddleware, redirect } from '../../../../runtime/index.ts';

export const pageUse = [
  defineServerMiddleware(async (ctx, next) => {
    if (!ctx.c.req.header('cookie')?.includes('admin=1')) throw redirect('/login');
    await next();
  }),
];

export default defineLoader(async () => ({ secret: 'the admin list' }));
