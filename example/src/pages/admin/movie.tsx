import { Form, FormError, getLoaderData, type LoaderData } from 'hono-preact-actions';
import { Head } from 'hono-preact-actions/page';
import type { Movie } from '../../server/db.ts';
import serverLoader, { serverActions } from './movie.server.ts';

function AdminMovie({ loaderData }: LoaderData<{ movie: Movie }>) {
  const { movie } = loaderData;
  return (
    <article class="panel admin-movie">
      <Head title={`${movie.title} · Admin · Movie Night`} />
      {movie.poster && <img class="poster" src={movie.poster} alt={`${movie.title} poster`} width={120} height={180} />}
      <div>
        <h2 id="admin-movie">{movie.title}</h2>
        <p id="admin-rating" class="stars" role="img" aria-label={`${movie.rating} out of 5 stars`}>
          {'★'.repeat(movie.rating)}
        </p>
        <Form action={serverActions.rate} invalidate="auto" id="rate-form" class="inline-form">
          <input type="hidden" name="id" value={movie.id} />
          <label for="rate-select">Rating</label>
          <select id="rate-select" name="rating">
            {[1, 2, 3, 4, 5].map((stars) => (
              <option key={stars} value={stars} selected={stars === movie.rating}>
                {stars} {stars === 1 ? 'star' : 'stars'}
              </option>
            ))}
          </select>
          <button type="submit">Rate</button>
          <FormError />
        </Form>
      </div>
    </article>
  );
}

export default getLoaderData(AdminMovie, { serverLoader });
