// The app's shell: the navigation, and <Routes>, which shows the route the path matches (and, in the
// browser, takes over navigation between them).
import { Link, Routes } from 'hono-preact-actions/page';
import appConfig from './app-config.ts';
import routes from './routes.ts';

export function App() {
  return (
    <>
      <nav>
        <Link href="/">Movies</Link> · <Link href="/ratings">Ratings</Link> · <Link href="/admin">Admin</Link> ·{' '}
        <Link href="/login">Sign in</Link>
      </nav>
      <main>
        <Routes routes={routes} app={appConfig} />
      </main>
    </>
  );
}
