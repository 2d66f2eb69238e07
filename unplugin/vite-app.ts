// `hpa({ app })` under Vite: the user's own Hono + Preact app with the commands they already know.
// - `vite`: @hono/vite-dev-server serves the app's default export, reloaded from source per request, with
//   Vite's HMR client injected and its error overlay for failures (it hands errors to Vite).
// - `vite build`: Vite's builder builds the client (with a manifest) and then the server, whose entry is
//   generated here: static files from the client build, then the app, served by @hono/node-server.
//   @hono/vite-build is not used: it configures one top-level SSR build and wants a second
//   `vite build --mode client` for the browser, where Vite's builder does both in one command.
// - `virtual:hono-preact-actions/client-entry`: the URL of the browser entry (the source in dev, the
//   hashed file of this build in production) and its stylesheets, for the document's <head>.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin, PluginOption, ResolvedConfig, ViteDevServer } from 'vite';
import type { AppOptions } from './options.ts';

export const CLIENT_ENTRY_MODULE = 'virtual:hono-preact-actions/client-entry';
const SERVER_ENTRY_MODULE = 'virtual:hono-preact-actions/server-entry';
const DEV_ENTRY_MODULE = 'virtual:hono-preact-actions/dev-entry';
const PRODUCTION_MODULE = 'virtual:hono-preact-actions/production';
const VIRTUAL = new Set([CLIENT_ENTRY_MODULE, SERVER_ENTRY_MODULE, DEV_ENTRY_MODULE, PRODUCTION_MODULE]);

interface BuiltClient {
  entry: string;
  styles: string[];
}

export function appPlugins(options: AppOptions): PluginOption[] {
  const serverEntry = options.server ?? 'src/server.tsx';
  const clientEntry = options.client ?? 'src/client.tsx';
  const outDir = options.outDir ?? 'dist';
  let config: ResolvedConfig | undefined;
  const fromRoot = (path: string) =>
    `/${relative(config?.root ?? process.cwd(), resolve(config?.root ?? process.cwd(), path)).replaceAll('\\', '/')}`;

  const app: Plugin = {
    name: 'hono-preact-actions:app',
    config() {
      return {
        builder: {
          async buildApp(builder) {
            // The client first: the server's entry names the client's hashed files.
            const { client, ssr } = builder.environments;
            if (client) await builder.build(client);
            if (ssr) await builder.build(ssr);
          },
        },
        environments: {
          client: { build: { outDir: `${outDir}/client`, manifest: true, rollupOptions: { input: clientEntry } } },
          ssr: { build: { outDir: `${outDir}/server`, rollupOptions: { input: { index: SERVER_ENTRY_MODULE } } } },
        },
      };
    },
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      sayCompileErrorsOncePerChange(server);
    },
    resolveId(id) {
      return VIRTUAL.has(id) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith('\0') || !VIRTUAL.has(id.slice(1))) return null;
      const base = config?.base ?? '/';
      switch (id.slice(1)) {
        case PRODUCTION_MODULE:
          // A built server is production unless told otherwise: errors are redacted in its answers.
          return "process.env.NODE_ENV ??= 'production';\n";
        case SERVER_ENTRY_MODULE:
          return serverEntryCode(fromRoot(serverEntry));
        case DEV_ENTRY_MODULE:
          // Hono answers a thrown error with a plain 500; in dev it goes on to Vite instead, whose error
          // page shows it in the overlay, with the stack mapped to the sources. An app's own onError wins.
          return [
            "import { Hono } from 'hono';",
            `import app from ${JSON.stringify(fromRoot(serverEntry))};`,
            "export default new Hono().route('/', app).onError((error) => { throw error; });",
            '',
          ].join('\n');
        default: {
          const client =
            config?.command === 'build'
              ? builtClient(config, clientEntry)
              : { entry: fromRoot(clientEntry).slice(1), styles: [] };
          if (!client) {
            this.error(
              `${CLIENT_ENTRY_MODULE} names the client build's files, but there is no client build of ${clientEntry} before this one. Run \`vite build\` (it builds the client, then the server).`,
            );
          }
          return [
            `export const clientEntry = ${JSON.stringify(base + client.entry)};`,
            `export const clientStyles = ${JSON.stringify(client.styles.map((file) => base + file))};`,
            '',
          ].join('\n');
        }
      }
    },
  };

  const devServer = import('@hono/vite-dev-server').then(
    ({ default: devServerPlugin }) => devServerPlugin({ entry: DEV_ENTRY_MODULE }),
    () => {
      throw new Error(
        'hono-preact-actions: hpa({ app }) serves your app in `vite` dev through @hono/vite-dev-server. Install it: npm install -D @hono/vite-dev-server',
      );
    },
  );
  return [app, devServer];
}

/**
 * In dev, every request re-runs the server entry, so a compile error in a server module would be printed
 * twice per request (Vite's SSR loader, then its error middleware) until it is fixed. Ours are said once,
 * and again after the next change to any file; every other message passes untouched.
 */
const ANSI_ESCAPE = /\u001b\[[0-9;]*m/g;

function sayCompileErrorsOncePerChange(server: ViteDevServer): void {
  const logger = server.config.logger;
  const error = logger.error.bind(logger);
  const said = new Set<string>();
  logger.error = (message, options) => {
    // Vite colours its messages where the terminal (or CI) takes colours: read them without.
    const plain = message.replace(ANSI_ESCAPE, '');
    const compileError = /Plugin: hono-preact-actions/.test(plain)
      ? /(\S+:\d+:\d+: [^\n]*)/.exec(plain)?.[1]
      : undefined;
    if (compileError) {
      if (said.has(compileError)) return;
      said.add(compileError);
    }
    error(message, options);
  };
  server.watcher.on('all', () => said.clear());
}

/**
 * The client build's entry file and stylesheets, from the manifest it wrote (Vite evaluates the config, and
 * so this plugin, once per environment, so the client build's output cannot be handed over in memory).
 */
function builtClient(config: ResolvedConfig, clientEntry: string): BuiltClient | undefined {
  const outDir = resolve(config.root, config.environments['client']?.build.outDir ?? 'dist/client');
  let manifest: Record<string, { file: string; css?: string[]; isEntry?: boolean }>;
  try {
    manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const key = relative(config.root, resolve(config.root, clientEntry)).replaceAll('\\', '/');
  const entry = manifest[key];
  return entry ? { entry: entry.file, styles: entry.css ?? [] } : undefined;
}

function serverEntryCode(appModule: string): string {
  return `import ${JSON.stringify(PRODUCTION_MODULE)};
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import app from ${JSON.stringify(appModule)};

// The client build's files first (Vite's manifest stays private), then the app.
const root = fileURLToPath(new URL('../client', import.meta.url));
const server = new Hono()
  .get('/.vite/*', (c) => c.notFound())
  .get('*', serveStatic({ root }))
  .route('/', app);

export default server;

if (!process.env.HPA_NO_LISTEN) {
  serve({ fetch: server.fetch, port: Number(process.env.PORT ?? 3000), hostname: process.env.HOST }, (info) => {
    console.log(\`Listening on http://\${process.env.HOST ?? 'localhost'}:\${info.port}\`);
  });
}
`;
}
