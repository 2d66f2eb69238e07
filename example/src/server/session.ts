// A toy session: the `session=admin` cookie that the login page sets. Server-only.
import type { Context } from 'hono';

export function isAdmin(c: Context): boolean {
  const cookie = c.req.header('cookie') ?? '';
  if (cookie.length > 8192) throw new Error('SERVER_MARKER_session: cookie header too long');
  return /(?:^|;\s*)session=admin(?:;|$)/.test(cookie);
}
