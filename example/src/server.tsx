// The server: the action and loader endpoints, posters from the data folder, and every page rendered
// with its loader's data. Built by Vite's SSR build; scripts/start.ts and scripts/dev.ts serve it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { actionsHandler, loadersHandler, renderPage } from 'hono-preact-actions/server';
import { buildId } from 'virtual:hono-preact-actions/build-id';
import { App } from './app.tsx';
import appConfig from './app-config.ts';
import routes from './routes.ts';
import { dataDir } from './server/db.ts';

export interface AppSettings {
  /** The client entry's URL (the built asset in production, /src/client.tsx in dev). */
  clientEntry: string;
  /** Extra head elements, e.g. Vite's HMR client in dev. */
  headScripts?: string[];
  /** The hosts the app answers as (README "Security"): any other Host is refused, DNS rebinding included. */
  allowedHosts?: string[];
}

function Document({ settings }: { settings: AppSettings }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="build" content={buildId} />
        <style>
          {'body{font:16px system-ui;margin:2rem auto;max-width:42rem}li{margin:.25rem 0}progress{width:60%}'}
        </style>
        {(settings.headScripts ?? []).map((src) => (
          <script key={src} type="module" src={src} />
        ))}
        <script type="module" src={settings.clientEntry} />
      </head>
      <body>
        <div id="app">
          <App />
        </div>
      </body>
    </html>
  );
}

export function createApp(settings: AppSettings) {
  // Eager: the pages import these modules anyway, so lazy loading would save nothing.
  const modules = import.meta.glob('/src/pages/**/*.server.ts', { eager: true });
  // routes: a call to a route's module runs the pageUse of every route gating it (and renderPage, which
  // takes the loaders handler's, runs the page layer around each render).
  // buildId: a client of an older build calling what this build no longer has gets 409 and reloads.
  // allowedHosts: a request for any other host (an alias, a rebound DNS name) is refused before anything runs.
  const options = { app: appConfig, routes, root: '/src/pages', buildId, allowedHosts: settings.allowedHosts };
  // One pair of handlers, named to renderPage: its loaders run through the same chain, its forms post to the same actions.
  const actions = actionsHandler(modules, options);
  const loaders = loadersHandler(modules, options);
  return (
    new Hono()
      .post('/__actions', actions)
      .post('/__loaders', loaders)
      .get('/posters/:name', async (c) => {
        const name = c.req.param('name');
        if (!/^[\w.-]+$/.test(name)) return c.notFound();
        const bytes = await readFile(join(dataDir, 'posters', name)).catch(() => null);
        if (!bytes) return c.notFound();
        return c.body(new Uint8Array(bytes), 200, {
          'Content-Type': name.endsWith('.png') ? 'image/png' : 'image/jpeg',
        });
      })
      // POST too: a <Form> posted without JavaScript comes to its page, and renderPage answers it.
      .on(['GET', 'POST'], '*', (c) =>
        renderPage(c, <Document settings={settings} />, { defaultTitle: 'Movies', loaders, actions }),
      )
  );
}
