// The admin area's gate, declared once with a leg for each side (seed 004's requireSession pair). The
// admin layout lists it in definePage (the server render, and client navigations) and its server module
// as pageUse (every loader and action under /admin, however it is called).
import { defineClientMiddleware, defineServerMiddleware, deny, redirect } from 'hono-preact-actions';
import { render } from 'hono-preact-actions/page';
import { AdminsOnly } from './pages/admin/admins-only.tsx';
import { roleOf } from './server/session.ts';

export const requireAdmin = [
  // Server: reads the session cookie from the request. Its body, and session.ts, never reach the browser.
  defineServerMiddleware(async (ctx, next) => {
    const role = await roleOf(ctx.c);
    if (!role) throw redirect('/login');
    // Loaders and actions answer a guest with a 403; the page shows a notice in its place instead.
    if (role !== 'admin') throw ctx.scope === 'page' ? render(AdminsOnly) : deny(403, 'Admins only.');
    await next();
  }),
  // Client: the same decision from the role hint the sign-in set beside the session, with no request to
  // the server. Only a shortcut: a forged hint gets past it to loaders that the server gate refuses.
  defineClientMiddleware(async (_ctx, next) => {
    const role = /(?:^|;\s*)role=(admin|guest)(?:;|$)/.exec(document.cookie)?.[1];
    if (!role) throw redirect('/login');
    if (role !== 'admin') throw render(AdminsOnly);
    await next();
  }),
];
