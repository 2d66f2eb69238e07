import { getLoaderData, type LoaderData } from 'hono-preact-actions';
import { Link } from 'hono-preact-actions/page';
import serverLoader from './index.server.ts';

type Overview = { movies: { id: number; title: string }[]; audit: { at: string; entry: string }[] };

function AdminIndex({ loaderData }: LoaderData<Overview>) {
  return (
    <div class="panels">
      <section class="panel" aria-labelledby="admin-movies-heading">
        <h2 id="admin-movies-heading">Movies</h2>
        <p id="admin-count">{loaderData.movies.length} movies in the database.</p>
        <ul id="admin-movies" class="link-list">
          {loaderData.movies.map((movie) => (
            <li key={movie.id}>
              <Link href={`/admin/movies/${movie.id}`}>{movie.title}</Link>
            </li>
          ))}
          <li>
            <Link href="/admin/movies/0" id="missing-movie">
              A movie that is not there
            </Link>
          </li>
        </ul>
      </section>
      <section class="panel" aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit</h2>
        <ol id="audit" class="audit">
          {loaderData.audit.map((row) => (
            <li key={row.at + row.entry}>{row.entry}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export default getLoaderData(AdminIndex, { serverLoader });
