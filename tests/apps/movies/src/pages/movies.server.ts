import { defineAction, type Loader } from 'hono-preact-actions';
import { audit } from '../audit.ts';
import { requireSession } from '../auth.ts';
import { db } from '../server/db.ts';

const serverLoader: Loader<{ movies: string[] }> = async () => {
  console.log('SERVER_MARKER_movies_loader');
  return { movies: await db.all() };
};

export default serverLoader;

export const pageUse = [...requireSession, audit];

const titleSchema = {
  '~standard': { version: 1, vendor: 'fixture', validate: (value: unknown) => ({ value }) },
} as const;

export const serverActions = {
  addMovie: defineAction<{ title: string }, { ok: boolean; count: number }>(async (_ctx, payload) => {
    console.log('SERVER_MARKER_movies_action');
    return { ok: true, count: await db.insert(payload.title) };
  }),
  importPosters: defineAction(async () => ({ ok: true }), { input: titleSchema, bodyLimit: 8 * 1024 * 1024 }),
};
