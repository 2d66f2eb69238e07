import { defineAction, redirect } from 'hono-preact-actions';
import { z } from 'zod';
import { endSession, startSession } from '../server/session.ts';

export const serverActions = {
  // A demo sign-in: pick a role. A real app checks a password or an identity provider here; the
  // session it starts is the same signed cookie.
  signIn: defineAction(
    async ({ c }, { role }) => {
      await startSession(c, role);
      throw redirect(role === 'admin' ? '/admin' : '/');
    },
    { input: z.object({ role: z.enum(['admin', 'guest']) }) },
  ),
  signOut: defineAction(async ({ c }) => {
    endSession(c);
    throw redirect('/');
  }),
};
