import { FieldError, Form, FormError, getLoaderData, type LoaderData, useAction } from 'hono-preact-actions';
import { Head } from 'hono-preact-actions/page';
import { useEffect, useState } from 'preact/hooks';
import type { Movie } from '../server/db.ts';
import serverLoader, { serverActions } from './movies.server.ts';

/** After a success the form starts over, as a page load would after a post without JavaScript. */
const resetForm = (id: string) => () => (document.getElementById(id) as HTMLFormElement | null)?.reset();

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
    onSuccess: ({ movie }) => {
      setRows((current) => [...current.filter((row) => row.id !== -1), movie]);
      setDraft('');
    },
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
    <>
      <Head title="Movies · Movie Night" meta={{ description: 'The films on the list, with posters and years.' }} />
      <h1>Movies</h1>
      <p class="lead">{rows.length} films on the list. Add one, give it a poster, or import a batch.</p>
      <div class="movies-layout">
        <div>
          <ul id="movies" class="movie-grid">
            {rows.map((movie) => (
              <li key={movie.id} data-id={movie.id} class="movie-card">
                {movie.poster ? (
                  <img class="poster" src={movie.poster} alt={`${movie.title} poster`} width={120} height={180} />
                ) : (
                  <div class="poster poster-empty" aria-hidden="true">
                    {movie.title.slice(0, 1)}
                  </div>
                )}
                <div class="movie-info">
                  <span class="title">{movie.title}</span>
                  {movie.year && <span class="year"> ({movie.year})</span>}
                </div>
                {movie.id > 0 && (
                  <button type="button" class="button-quiet" onClick={() => remove.mutate({ id: movie.id })}>
                    Delete<span class="visually-hidden"> {movie.title}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          {remove.error && (
            <p role="alert" id="delete-error" class="notice-error">
              {remove.error.message}
            </p>
          )}
        </div>
        <div class="panels sidebar">
          <section class="panel" aria-labelledby="add-heading">
            <h2 id="add-heading">Add a movie</h2>
            <Form action={serverActions.addMovie} invalidate="auto" id="add-form" onSuccess={resetForm('add-form')}>
              <div class="field">
                <label for="add-title">Title</label>
                <input id="add-title" name="title" maxLength={120} autocomplete="off" />
                <FieldError name="title" />
              </div>
              <div class="field">
                <label for="add-year">
                  Year <span class="hint">(optional)</span>
                </label>
                <input id="add-year" name="year" inputMode="numeric" autocomplete="off" />
                <FieldError name="year" />
              </div>
              <button type="submit">Add movie</button>
              <FormError />
            </Form>
          </section>

          <section class="panel" aria-labelledby="quick-heading">
            <h2 id="quick-heading">Quick add</h2>
            <p class="hint">Shows the row at once, and takes it back if the server says no.</p>
            <div class="field">
              <label for="quick-title">Title</label>
              <input id="quick-title" value={draft} onInput={(event) => setDraft(event.currentTarget.value)} />
            </div>
            <button type="button" id="quick-add" onClick={() => quickAdd.mutate({ title: draft })}>
              Quick add
            </button>
            {quickAdd.error && (
              <p role="alert" id="quick-error" class="notice-error">
                {quickAdd.error.message}
              </p>
            )}
          </section>

          <section class="panel" aria-labelledby="poster-heading">
            <h2 id="poster-heading">Poster</h2>
            <Form
              action={serverActions.uploadPoster}
              invalidate="auto"
              id="poster-form"
              onSuccess={resetForm('poster-form')}
            >
              <div class="field">
                <label for="poster-movie">Movie</label>
                <select id="poster-movie" name="movieId">
                  {rows
                    .filter((movie) => movie.id > 0)
                    .map((movie) => (
                      <option key={movie.id} value={movie.id}>
                        {movie.title}
                      </option>
                    ))}
                </select>
                <FieldError name="movieId" />
              </div>
              <div class="field">
                <label for="poster-file">
                  Image <span class="hint">(PNG, JPEG or WebP, up to 2 MB)</span>
                </label>
                <input id="poster-file" type="file" name="poster" accept="image/png,image/jpeg,image/webp" />
                <FieldError name="poster" />
              </div>
              <button type="submit">Upload poster</button>
              <FormError />
            </Form>
          </section>

          <section class="panel" aria-labelledby="bulk-heading">
            <h2 id="bulk-heading">Bulk import</h2>
            <p class="hint">Streams its progress as each film is added.</p>
            <button type="button" id="bulk" disabled={bulk.pending} onClick={() => bulk.mutate({ count: 10 })}>
              Import 10 movies
            </button>
            {progress !== null && (
              <p class="progress-row">
                <label for="progress">Import progress</label>
                <progress id="progress" max={100} value={progress} /> <span id="progress-text">{progress}%</span>
              </p>
            )}
          </section>
        </div>
      </div>
    </>
  );
}

export default getLoaderData(MoviesView, { serverLoader });
