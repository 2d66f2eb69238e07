import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ActionGuardError, defineAction, defineActionGuard, defineLoader, deny } from 'hono-preact-actions';
import { z } from 'zod';
import { dataDir, type Movie, movies } from '../server/db.ts';
import { isAdmin } from '../server/session.ts';

export default defineLoader(async () => ({ movies: movies.all() }));

export const actionGuards = [
  defineActionGuard(async ({ c, action }, next) => {
    if (action === 'deleteMovie' && !isAdmin(c)) throw new ActionGuardError('Sign in to delete movies.', 401);
    return next();
  }),
];

export const serverActions = {
  addMovie: defineAction(
    async (_ctx, { title, year }): Promise<{ movie: Movie }> => {
      if (movies.byTitle(title)) throw deny(409, `"${title}" is already in the list.`);
      const id = movies.add(title, year ?? null);
      return { movie: movies.all().find((movie) => movie.id === id) as Movie };
    },
    // Forms send strings: the schema's types coerce them (year to a number), with or without JavaScript.
    {
      input: z.object({ title: z.string().trim().min(1, 'A movie needs a title.'), year: z.number().int().optional() }),
    },
  ),

  deleteMovie: defineAction<{ id: number }, { ok: true }>(async (_ctx, payload) => {
    movies.remove(payload.id);
    return { ok: true };
  }),

  uploadPoster: defineAction<{ movieId: string; poster: File }, { url: string }>(
    async (_ctx, { movieId, poster }) => {
      if (!(poster instanceof File) || poster.size === 0) throw deny(422, 'Choose an image to upload.');
      const name = `${Number(movieId)}-${Date.now()}.${poster.type === 'image/png' ? 'png' : 'jpg'}`;
      await writeFile(join(dataDir, 'posters', name), new Uint8Array(await poster.arrayBuffer()));
      const url = `/posters/${name}`;
      movies.setPoster(Number(movieId), url);
      return { url };
    },
    { bodyLimit: 5 * 1024 * 1024 },
  ),

  bulkImport: defineAction<{ count: number }, never>(async (ctx, payload) => {
    const total = Math.min(Math.max(Number(payload.count) || 10, 1), 50);
    if (!Number.isInteger(total)) throw new Error('SERVER_MARKER_movies: import size must be whole');
    return (async function* () {
      for (let done = 1; done <= total && !ctx.signal.aborted; done++) {
        await new Promise((resolve) => setTimeout(resolve, 40));
        const title = `Imported #${Date.now().toString(36)}-${done}`;
        movies.add(title, null);
        yield { done, total };
      }
    })();
  }),
};
