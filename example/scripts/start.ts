// `npm start`: builds the example, then serves the production build on 127.0.0.1 (PORT, default 3000).
import './production.ts';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { buildExample } from './build.ts';
import { ALLOWED_HOSTS, CLIENT_DIR, PORT, SERVER_DIR } from './paths.ts';

if (!process.argv.includes('--no-build')) await buildExample();

const manifest = JSON.parse(readFileSync(join(CLIENT_DIR, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  { file: string }
>;
const entry = manifest['src/client.tsx']?.file;
if (!entry) throw new Error('the client build has no entry for src/client.tsx');
const { createApp } = (await import(
  pathToFileURL(join(SERVER_DIR, 'server.js')).href
)) as typeof import('../src/server.tsx');

const app = new Hono()
  .use('/assets/*', serveStatic({ root: relative(process.cwd(), CLIENT_DIR) }))
  .route('/', createApp({ clientEntry: `/${entry}`, allowedHosts: ALLOWED_HOSTS }));

serve({ fetch: app.fetch, port: PORT, hostname: '127.0.0.1' }, (info) => {
  console.log(`Movies app: http://127.0.0.1:${info.port}`);
});
