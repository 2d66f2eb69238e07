import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ActionGuardError, defineAction, defineActionGuard, defineLoader, deny } from 'hono-preact-actions';
import { z } from 'zod';
import { dataDir, type Movie, movies } from '../server/db.ts';
import { IMPORT_TITLES } from '../server/seed.ts';
import { isAdmin } from '../server/session.ts';

export default defineLoader(async () => ({ movies: movies.all() }));

export const actionGuards = [
  defineActionGuard(async ({ c, action }, next) => {
    if (action === 'deleteMovie' && !(await isAdmin(c))) throw new ActionGuardError('Sign in to delete movies.', 401);
    return next();
  }),
];

const POSTER_TYPES = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as const;
const POSTER_MAX_BYTES = 2 * 1024 * 1024;

// Forms send strings: the schema's types coerce them (year to a number), with or without JavaScript.
// Every message here is what the person sees next to the field.
const movieInput = z.object({
  title: z.string().trim().min(1, 'A movie needs a title.').max(120, 'Keep the title under 120 characters.'),
  year: z
    .number({ error: 'Enter the year as a number, like 1995.' })
    .int('Enter the year as a whole number, like 1995.')
    .min(1888, 'Films start in 1888.')
    .max(new Date().getFullYear() + 5, 'That year is too far ahead.')
    .optional(),
});

const posterInput = z.object({
  movieId: z.number({ error: 'Choose a movie.' }).int(),
  poster: z
    .instanceof(File, { error: 'Choose an image to upload.' })
    .refine((file) => file.size > 0, 'Choose an image to upload.')
    .refine((file) => file.size <= POSTER_MAX_BYTES, 'Posters can be up to 2 MB.')
    .refine((file) => Object.hasOwn(POSTER_TYPES, file.type), 'Posters can be PNG, JPEG or WebP images.'),
});

export const serverActions = {
  addMovie: defineAction(
    async (_ctx, { title, year }): Promise<{ movie: Movie }> => {
      if (movies.byTitle(title)) throw deny(409, `"${title}" is already in the list.`);
      const id = movies.add(title, year ?? null);
      return { movie: movies.byId(id) as Movie };
    },
    { input: movieInput },
  ),

  deleteMovie: defineAction<{ id: number }, { ok: true }>(async (_ctx, payload) => {
    movies.remove(payload.id);
    return { ok: true };
  }),

  uploadPoster: defineAction(
    async (_ctx, { movieId, poster }): Promise<{ url: string }> => {
      if (!movies.byId(movieId)) throw deny(404, 'That movie is no longer in the list.');
      const extension = POSTER_TYPES[poster.type as keyof typeof POSTER_TYPES];
      const name = `${movieId}-${Date.now()}.${extension}`;
      await writeFile(join(dataDir, 'posters', name), new Uint8Array(await poster.arrayBuffer()));
      const url = `/posters/${name}`;
      movies.setPoster(movieId, url);
      return { url };
    },
    // The limit sits just above the schema's, so an oversized file gets the schema's message, not a 413.
    { input: posterInput, bodyLimit: POSTER_MAX_BYTES + 64 * 1024 },
  ),

  bulkImport: defineAction<{ count: number }, never>(async (ctx, payload) => {
    const total = Math.min(Math.max(Number(payload.count) || 10, 1), 50);
    if (!Number.isInteger(total)) throw new Error('SERVER_MARKER_movies: import size must be whole');
    return (async function* () {
      for (let done = 1; done <= total && !ctx.signal.aborted; done++) {
        await new Promise((resolve) => setTimeout(resolve, 40));
        movies.add(nextImportTitle(), null);
        yield { done, total };
      }
    })();
  }),
};

/** The first title of the import list not in the database yet; past the list, numbered archive reels. */
function nextImportTitle(): string {
  const listed = IMPORT_TITLES.find((title) => !movies.byTitle(title));
  if (listed) return listed;
  for (let reel = 1; ; reel++) if (!movies.byTitle(`Archive reel ${reel}`)) return `Archive reel ${reel}`;
}
