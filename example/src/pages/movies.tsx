import { FieldError, Form, FormError, getLoaderData, type LoaderData, useAction } from 'hono-preact-actions';
import { useEffect, useState } from 'preact/hooks';
import type { Movie } from '../server/db.ts';
import serverLoader, { serverActions } from './movies.server.ts';

function MoviesView({ loaderData }: LoaderData<{ movies: Movie[] }>) {
  const [rows, setRows] = useState(loaderData.movies);
  useEffect(() => setRows(loaderData.movies), [loaderData]);
  const [draft, setDraft] = useState('');
  const [progress, setProgress] = useState<number | null>(null);

  const quickAdd = useAction(serverActions.addMovie, {
    invalidate: ['ratings'],
    onMutate: ({ title }) => {
      const before = rows;
      setRows([...rows, { id: -1, title: `${title} (saving…)`, year: null, rating: 3, poster: null }]);
      return before;
    },
    onSuccess: ({ movie }) => setRows((current) => [...current.filter((row) => row.id !== -1), movie]),
    onError: (_error, snapshot) => setRows(snapshot as Movie[]),
  });
  const remove = useAction(serverActions.deleteMovie, { invalidate: 'auto' });
  const bulk = useAction(serverActions.bulkImport, {
    invalidate: 'auto',
    onMutate: () => setProgress(0),
    onChunk: (chunk) => {
      const { done, total } = JSON.parse(chunk) as { done: number; total: number };
      setProgress(Math.round((done / total) * 100));
    },
  });

  return (
    <section>
      <h1>Movies</h1>
      <ul id="movies">
        {rows.map((movie) => (
          <li key={movie.id} data-id={movie.id}>
            {movie.poster && <img src={movie.poster} alt={`${movie.title} poster`} width={40} />}
            <span class="title">{movie.title}</span>
            {movie.year && <span class="year"> ({movie.year})</span>}{' '}
            {movie.id > 0 && (
              <button type="button" onClick={() => remove.mutate({ id: movie.id })}>
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      {remove.error && (
        <p role="alert" id="delete-error">
          {remove.error.message}
        </p>
      )}

      <h2>Add a movie</h2>
      <Form action={serverActions.addMovie} invalidate="auto" id="add-form">
        <input name="title" placeholder="Title" />
        <input name="year" placeholder="Year" inputMode="numeric" />
        <button type="submit">Add</button>
        <FieldError name="title" />
        <FormError />
      </Form>

      <h2>Quick add (optimistic)</h2>
      <input
        id="quick-title"
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
        placeholder="Title"
      />
      <button type="button" id="quick-add" onClick={() => quickAdd.mutate({ title: draft })}>
        Quick add
      </button>
      {quickAdd.error && (
        <p role="alert" id="quick-error">
          {quickAdd.error.message}
        </p>
      )}

      <h2>Poster</h2>
      <Form action={serverActions.uploadPoster} invalidate="auto" id="poster-form">
        <select name="movieId">
          {rows
            .filter((movie) => movie.id > 0)
            .map((movie) => (
              <option key={movie.id} value={movie.id}>
                {movie.title}
              </option>
            ))}
        </select>
        <input type="file" name="poster" accept="image/*" />
        <button type="submit">Upload</button>
      </Form>

      <h2>Bulk import</h2>
      <button type="button" id="bulk" disabled={bulk.pending} onClick={() => bulk.mutate({ count: 10 })}>
        Import 10 movies
      </button>
      {progress !== null && (
        <p>
          <progress id="progress" max={100} value={progress} /> <span id="progress-text">{progress}%</span>
        </p>
      )}
    </section>
  );
}

export default getLoaderData(MoviesView, { serverLoader });
