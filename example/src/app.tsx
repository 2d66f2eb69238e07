// The app's shell: the header with the navigation, and <Routes>, which shows the route the path
// matches (and, in the browser, takes over navigation between them).
import { type DeniedProps, Head, Link, Routes } from 'hono-preact-actions/page';
import appConfig from './app-config.ts';
import routes from './routes.ts';

export function App() {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <div class="wrap header-row">
          <Link href="/" class="brand">
            <span class="brand-mark" aria-hidden="true" />
            Movie Night
          </Link>
          <nav aria-label="Main">
            <Link href="/">Movies</Link>
            <Link href="/ratings">Ratings</Link>
            <Link href="/admin">Admin</Link>
            <Link href="/login">Sign in</Link>
          </nav>
        </div>
      </header>
      <main id="main" class="wrap">
        <Routes routes={routes} app={appConfig} notFound={NotFound} denied={Denied} />
      </main>
      <footer class="site-footer wrap">
        A demo of typed server actions and loaders for Hono and Preact. Posters are generated.
      </footer>
    </>
  );
}

function NotFound() {
  return (
    <>
      <Head title="Not found · Movie Night" />
      <h1>Not found</h1>
      <p role="alert">There is no page here.</p>
      <p>
        <Link href="/">Back to the movies</Link>
      </p>
    </>
  );
}

function Denied({ status, message }: DeniedProps) {
  const heading =
    status === 404 ? 'Not found' : status === 401 || status === 403 ? 'Not allowed' : 'Something went wrong';
  return (
    <>
      <Head title={`${heading} · Movie Night`} />
      <h1>{heading}</h1>
      <p role="alert">{message}</p>
      <p>
        <Link href="/">Back to the movies</Link>
      </p>
    </>
  );
}
