// Deterministic, realistic inputs for the compile benchmark: a page, a server module and a large
// file, built from the shapes real apps have (components with hooks and JSX, actions with bodies,
// middleware with server and client legs), so the ratios describe real work.

function component(index: number): string {
  return `
export function MovieCard${index}({ movie, onRate }: { movie: Movie; onRate: (stars: number) => void }) {
  const [hover, setHover] = useState<number | null>(null);
  const stars = useMemo(() => [1, 2, 3, 4, 5].map((n) => ({ n, lit: n <= (hover ?? movie.rating) })), [hover, movie]);
  useEffect(() => {
    if (movie.rating > 4) console.debug('top rated', movie.id);
  }, [movie.id, movie.rating]);
  return (
    <article class="card" data-id={movie.id}>
      <h3>{movie.title}</h3>
      <p class="year">{movie.year ?? 'unknown'}</p>
      <ul class="stars" onMouseLeave={() => setHover(null)}>
        {stars.map(({ n, lit }) => (
          <li key={n} class={lit ? 'lit' : ''} onMouseEnter={() => setHover(n)} onClick={() => onRate(n)}>
            ★
          </li>
        ))}
      </ul>
    </article>
  );
}
`;
}

const pageHeader = `import { useEffect, useMemo, useState } from 'preact/hooks';
import { defineClientMiddleware, defineServerMiddleware, Form, redirect, useAction } from 'hono-preact-actions';
import { definePage } from 'hono-preact-actions/page';
import { currentUser } from './server/session.ts';
import { audit } from './server/audit.ts';
import serverLoader, { serverActions } from './movies.server.ts';

interface Movie {
  id: number;
  title: string;
  year?: number;
  rating: number;
}

const requireSessionServer = defineServerMiddleware(async (ctx, next) => {
  const user = await currentUser(ctx.c);
  if (!user) throw redirect('/login');
  audit('page', user.id);
  await next();
});

const requireSessionClient = defineClientMiddleware(async (_ctx, next) => {
  if (typeof window !== 'undefined' && !window.localStorage.getItem('app:authed')) throw redirect('/login');
  await next();
});
`;

const pageFooter = `
function MoviesView({ movies }: { movies: Movie[] }) {
  const [items, setItems] = useState(movies);
  const { mutate, pending, error } = useAction(serverActions.addMovie, {
    invalidate: 'auto',
    onMutate: (payload) => {
      const previous = items;
      setItems((current) => [...current, { id: -1, title: payload.title, rating: 0 }]);
      return previous;
    },
    onError: (_error, snapshot) => setItems(snapshot as Movie[]),
  });
  return (
    <main>
      <Form action={serverActions.addMovie} invalidate="auto">
        <input name="title" placeholder="Title" />
        <button type="submit">Add</button>
      </Form>
      <button type="button" disabled={pending} onClick={() => mutate({ title: 'Dune' })}>
        {pending ? 'Adding…' : 'Add Dune'}
      </button>
      {error && <p role="alert">{error.message}</p>}
      {items.map((movie) => (
        <MovieCard0 key={movie.id} movie={movie} onRate={(stars) => console.log(stars)} />
      ))}
    </main>
  );
}

export default definePage(MoviesView, { use: [requireSessionServer, requireSessionClient], loader: serverLoader });
`;

/** A page of about `lines` lines, with middleware to strip in the client target. */
export function pageSource(lines: number): string {
  let body = '';
  for (let i = 0; countLines(pageHeader + body + pageFooter) < lines; i++) body += component(i);
  return pageHeader + body + pageFooter;
}

/** The same page without any factory: the pre-check turns it away. */
export function plainPageSource(lines: number): string {
  return pageSource(lines)
    .replace(/const requireSession(Server|Client) = [\s\S]*?\n\}\);\n/g, '')
    .replace(/define(Server|Client)Middleware, /g, '')
    .replace('use: [requireSessionServer, requireSessionClient], ', '');
}

function action(index: number): string {
  return `
  action${index}: defineAction<{ id: number; title: string; tags: string[] }, { ok: boolean; id: number }>(
    async (ctx, payload) => {
      const user = await currentUser(ctx.c);
      if (!user) throw new ActionGuardError('Authentication required', 401);
      const existing = await db.movies.find({ id: payload.id, owner: user.id });
      if (!existing) return { ok: false, id: payload.id };
      await db.movies.update(payload.id, { title: payload.title.trim(), tags: [...new Set(payload.tags)] });
      await audit('action${index}', user.id, payload.id);
      return { ok: true, id: payload.id };
    },
    { use: [timing] },
  ),`;
}

const serverHeader = `import { ActionGuardError, defineAction, defineActionGuard, defineServerMiddleware } from 'hono-preact-actions';
import type { Loader } from 'hono-preact-actions';
import { db } from './server/db.ts';
import { audit } from './server/audit.ts';
import { currentUser } from './server/session.ts';

const timing = defineServerMiddleware(async (ctx, next) => {
  const started = performance.now();
  try {
    await next();
  } finally {
    ctx.c.header('Server-Timing', \`action;dur=\${(performance.now() - started).toFixed(1)}\`);
  }
});

const serverLoader: Loader<{ movies: unknown[] }> = async () => ({ movies: await db.movies.all() });
export default serverLoader;

export const actionGuards = [
  defineActionGuard(async ({ c }, next) => {
    if (!c.req.header('Authorization')) throw new ActionGuardError('Authentication required', 401);
    return next();
  }),
];
`;

/** A server module of about `lines` lines: the client target replaces it with a stub. */
export function serverModuleSource(lines: number): string {
  let actions = '';
  for (let i = 0; countLines(`${serverHeader}export const serverActions = {${actions}\n};\n`) < lines; i++) {
    actions += action(i);
  }
  return `${serverHeader}export const serverActions = {${actions}\n};\n`;
}

/** A large client module: many components and, here and there, middleware to strip. */
export function largeSource(lines: number): string {
  let body = pageHeader;
  for (let i = 0; countLines(body) < lines - 30; i++) {
    body += component(i);
    if (i % 10 === 9) {
      body += `
export const guard${i} = defineServerMiddleware(async (ctx, next) => {
  audit('guard${i}', (await currentUser(ctx.c))?.id);
  await next();
});
`;
    }
  }
  return body + pageFooter;
}

export function countLines(code: string): number {
  return code.split('\n').length;
}
