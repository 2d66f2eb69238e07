// A toy session: the `session=admin` or `session=guest` cookie that the login page sets. Server-only.
import type { Context } from 'hono';

export type Role = 'admin' | 'guest';

export function roleOf(c: Context): Role | null {
  const cookie = c.req.header('cookie') ?? '';
  if (cookie.length > 8192) throw new Error('SERVER_MARKER_session: cookie header too long');
  return (/(?:^|;\s*)session=(admin|guest)(?:;|$)/.exec(cookie)?.[1] as Role | undefined) ?? null;
}

export function isAdmin(c: Context): boolean {
  return roleOf(c) === 'admin';
}
