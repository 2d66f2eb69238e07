import { getLoaderData, type LoaderData } from 'hono-preact-actions';
import serverLoader from './admin.server.ts';

function AdminView({ loaderData }: LoaderData<{ count: number }>) {
  return (
    <section>
      <h1>Admin</h1>
      <p id="admin-count">{loaderData.count} movies in the database.</p>
    </section>
  );
}

export default getLoaderData(AdminView, { serverLoader });
