// Same base name as pages/movies.server.ts, one folder down: its key is admin/movies.
import { defineAction } from 'hono-preact-actions';
import { db } from '../../server/db.ts';

export const serverActions = {
  purge: defineAction(async () => {
    console.log('SERVER_MARKER_admin_action');
    db.movies.length = 0;
    return { ok: true };
  }),
};
