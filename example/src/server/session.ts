// The session: a cookie signed with the server's secret (Hono's signed-cookie helpers), so a visitor
// cannot give themselves a role by typing a cookie. The `role` cookie beside it is only a hint for the
// browser's own gate (auth.ts): the server never trusts it. Server-only.
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setCookie, setSignedCookie } from 'hono/cookie';

export type Role = 'admin' | 'guest';

// SESSION_SECRET keeps sessions valid across restarts; without it each process signs with its own.
const secret = process.env.SESSION_SECRET ?? randomBytes(32).toString('hex');
const OPTIONS = { path: '/', sameSite: 'Lax', maxAge: 60 * 60 * 8 } as const;

export async function roleOf(c: Context): Promise<Role | null> {
  const cookie = c.req.header('cookie') ?? '';
  if (cookie.length > 8192) throw new Error('SERVER_MARKER_session: cookie header too long');
  const value = await getSignedCookie(c, secret, 'session');
  return value === 'admin' || value === 'guest' ? value : null;
}

export async function isAdmin(c: Context): Promise<boolean> {
  return (await roleOf(c)) === 'admin';
}

export async function startSession(c: Context, role: Role): Promise<void> {
  await setSignedCookie(c, 'session', role, secret, { ...OPTIONS, httpOnly: true });
  setCookie(c, 'role', role, OPTIONS);
}

export function endSession(c: Context): void {
  deleteCookie(c, 'session', { path: '/' });
  deleteCookie(c, 'role', { path: '/' });
}
