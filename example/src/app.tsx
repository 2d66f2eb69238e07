import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import Admin from './pages/admin.tsx';
import Login from './pages/login.tsx';
import Movies from './pages/movies.tsx';
import Ratings from './pages/ratings.tsx';
import { navigate, onNavigate } from './router.ts';

const routes: Record<string, ComponentType> = { '/': Movies, '/ratings': Ratings, '/admin': Admin, '/login': Login };

function Link({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <a
      href={href}
      onClick={(event) => {
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

export function App({ path }: { path: string }) {
  const [current, setCurrent] = useState(path);
  useEffect(() => onNavigate(setCurrent), []);
  const Page = routes[current];
  return (
    <>
      <nav>
        <Link href="/">Movies</Link> · <Link href="/ratings">Ratings</Link> · <Link href="/admin">Admin</Link>
      </nav>
      <main>{Page ? <Page key={current} /> : <p>Not found.</p>}</main>
    </>
  );
}
