import { defineLoader } from 'hono-preact-actions';
import { movies } from '../server/db.ts';

export default defineLoader(async () => ({
  ratings: movies.all().map(({ title, rating }) => ({ title, rating })),
}));
