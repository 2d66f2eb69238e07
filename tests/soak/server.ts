// The soak's server: the test app in a process of its own (run with --expose-gc), plus a stats
// endpoint that reports this process's heap after a collection, its open handles, the aborts the
// app saw, and unhandled rejections. Prints its port, then serves.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { h } from 'preact';
import { renderPage } from '../../runtime/server/index.ts';
import { buildApp } from '../server/app/build-app.ts';
import { journal } from '../server/app/journal.ts';

let unhandled = 0;
process.on('unhandledRejection', (reason) => {
  unhandled++;
  console.error('unhandled rejection:', reason);
});

const pages = '/tests/server/app/pages';
const modules = {
  [`${pages}/movies.server.ts`]: () => import('../server/app/pages/movies.server.ts'),
  [`${pages}/chain.server.ts`]: () => import('../server/app/pages/chain.server.ts'),
  [`${pages}/hostile.server.ts`]: () => import('../server/app/pages/hostile.server.ts'),
};

let server: Server;
// A page that takes forms posted without JavaScript (renderPage runs them through the actions handler).
const app = buildApp(modules).on(['GET', 'POST'], '/page', (c) => renderPage(c, h('main', null, 'page')));
app.get('/__soak', async (c) => {
  // Idle keep-alive sockets are the client's, not leaks: close them so handles compare like for like.
  server.closeIdleConnections();
  await new Promise((resolve) => setTimeout(resolve, 100));
  (globalThis as { gc?: () => void }).gc?.();
  const resources = process.getActiveResourcesInfo();
  return c.json({
    heapUsed: process.memoryUsage().heapUsed,
    handles: resources.length,
    resources: Object.fromEntries(
      [...new Set(resources)].map((name) => [name, resources.filter((r) => r === name).length]),
    ),
    observedAborts: journal.observed.filter((entry) => entry.startsWith('abort')).length,
    producerAborts: journal.aborted.length,
    unhandled,
  });
});

server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`${info.port}\n`);
}) as Server;
