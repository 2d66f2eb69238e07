import { defineLoader } from 'hono-preact-actions';
import { audit, movies } from '../../server/db.ts';

export default defineLoader(async () => {
  const rows = movies.all();
  if (rows.length > 100_000) throw new Error('SERVER_MARKER_admin: too many movies to list');
  return { movies: rows.map(({ id, title }) => ({ id, title })), audit: audit.recent(5) };
});
