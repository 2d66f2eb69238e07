// The server: the action and loader endpoints, posters from the data folder, and every page rendered
// with its loader's data. Built by Vite's SSR build; scripts/start.ts and scripts/dev.ts serve it.
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { actionsHandler, loadersHandler, renderPage } from 'hono-preact-actions/server';
import { buildId } from 'virtual:hono-preact-actions/build-id';
import { App } from './app.tsx';
import appConfig from './app-config.ts';
import routes from './routes.ts';
import favicon from './favicon.svg?raw';
import { posterFile } from './server/db.ts';
import styles from './styles.css?raw';

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
        <title>Movie Night</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={`/styles.css?v=${STYLES_VERSION}`} />
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

// The stylesheet's URL changes with its content, so it can be cached for good.
const STYLES_VERSION = [...styles].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7).toString(36);

const POSTER_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

// The page's policy: scripts, styles, images and calls from this origin only. `style-src-attr` allows
// inline style attributes, which <Form> renders on its fieldset (display: contents); style elements
// and every script stay refused.
const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    styleSrcAttr: ["'unsafe-inline'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  // The browsers' default: a same-origin POST keeps its Origin header (no-referrer would send `null`).
  referrerPolicy: 'strict-origin-when-cross-origin',
  // A route's own header wins: the posters carry a stricter policy of their own.
  overwrite: false,
});

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
      .use(pageHeaders)
      .all('/__actions', actions)
      .all('/__loaders', loaders)
      .get('/styles.css', (c) =>
        c.body(styles, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=31536000' }),
      )
      .get('/favicon.svg', (c) => c.body(favicon, 200, { 'Content-Type': 'image/svg+xml' }))
      .get('/posters/:name', async (c) => {
        const file = posterFile(`/posters/${c.req.param('name')}`);
        const bytes = file && (await readFile(file).catch(() => null));
        if (!bytes) return c.notFound();
        return c.body(new Uint8Array(bytes), 200, {
          'Content-Type': POSTER_TYPES[file.slice(file.lastIndexOf('.') + 1)] as string,
          // An upload is only ever an image: never sniffed as something else, and opened on its own
          // (an SVG, say) it may run nothing.
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        });
      })
      // POST too: a <Form> posted without JavaScript comes to its page, and renderPage answers it.
      .on(['GET', 'POST'], '*', (c) =>
        renderPage(c, <Document settings={settings} />, { defaultTitle: 'Movie Night', loaders, actions }),
      )
  );
}
