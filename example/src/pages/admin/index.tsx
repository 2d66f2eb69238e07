import { getLoaderData, type LoaderData } from 'hono-preact-actions';
import { Link } from 'hono-preact-actions/page';
import serverLoader from './index.server.ts';

type Overview = { movies: { id: number; title: string }[]; audit: { at: string; entry: string }[] };

function AdminIndex({ loaderData }: LoaderData<Overview>) {
  return (
    <>
      <p id="admin-count">{loaderData.movies.length} movies in the database.</p>
      <ul id="admin-movies">
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
      <h2>Audit</h2>
      <ol id="audit">
        {loaderData.audit.map((row) => (
          <li key={row.at + row.entry}>{row.entry}</li>
        ))}
      </ol>
    </>
  );
}

export default getLoaderData(AdminIndex, { serverLoader });
