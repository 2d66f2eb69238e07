import { Form, FormError, getLoaderData, type LoaderData } from 'hono-preact-actions';
import type { Movie } from '../../server/db.ts';
import serverLoader, { serverActions } from './movie.server.ts';

function AdminMovie({ loaderData }: LoaderData<{ movie: Movie }>) {
  const { movie } = loaderData;
  return (
    <article>
      <h2 id="admin-movie">{movie.title}</h2>
      <p id="admin-rating">{'★'.repeat(movie.rating)}</p>
      <Form action={serverActions.rate} invalidate="auto" id="rate-form">
        <input type="hidden" name="id" value={movie.id} />
        <select name="rating">
          {[1, 2, 3, 4, 5].map((stars) => (
            <option key={stars} value={stars} selected={stars === movie.rating}>
              {stars}
            </option>
          ))}
        </select>
        <button type="submit">Rate</button>
        <FormError />
      </Form>
    </article>
  );
}

export default getLoaderData(AdminMovie, { serverLoader });
