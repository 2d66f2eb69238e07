// The test server in a process of its own, for component tests: happy-dom replaces the globals
// (Request, Headers) that a server in the same process would build requests with. The journal is
// readable over HTTP, so tests can still see what the server did. Prints its port, then serves.
import { buildApp, listen } from '../server/app/build-app.ts';
import { journal } from '../server/app/journal.ts';

const pages = '/tests/server/app/pages';
const modules = {
  [`${pages}/movies.server.ts`]: () => import('../server/app/pages/movies.server.ts'),
  [`${pages}/chain.server.ts`]: () => import('../server/app/pages/chain.server.ts'),
  [`${pages}/admin/movies.server.ts`]: () => import('../server/app/pages/admin/movies.server.ts'),
  [`${pages}/gated.server.ts`]: () => import('../server/app/pages/gated.server.ts'),
  [`${pages}/validated.server.ts`]: () => import('../server/app/pages/validated.server.ts'),
};

const app = buildApp(modules, { buildId: 'server-build' })
  .get('/__journal', (c) => c.json(journal))
  .post('/__journal/reset', (c) => {
    journal.reset();
    return c.json({ ok: true });
  });

// happy-dom sends Origin only with cross-origin requests; browsers send it with every POST, same-origin
// ones too. These tests stand for a browser, so a request that came without it gets it, as one would.
const server = await listen({
  fetch: (request: Request) => {
    if (request.headers.has('origin') || request.method !== 'POST') return app.fetch(request);
    const headers = new Headers(request.headers);
    headers.set('origin', new URL(request.url).origin);
    return app.fetch(new Request(request, { headers, duplex: 'half' } as RequestInit));
  },
});
process.stdout.write(`${server.port}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close().then(() => process.exit(0)));
