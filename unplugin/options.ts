// The plugin's options, resolved once into a Resolved value the factory reads.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCRIPT_ID } from '../compiler/index.ts';

export interface AppOptions {
  /** The server entry, whose default export is the Hono app. Default: `src/server.tsx`. */
  server?: string;
  /** The browser entry. Default: `src/client.tsx`. */
  client?: string;
  /** Where `vite build` writes: the browser's files in `<outDir>/client`, the server in `<outDir>/server`. Default: `dist`. */
  outDir?: string;
}

export interface Options {
  /** Which side this build is for. Under Vite it defaults per environment (client, SSR); elsewhere to 'client'. */
  target?: 'client' | 'server';
  /** The server modules' root: module keys are paths relative to it. Relative paths resolve against the project root. */
  root?: string;
  /** Modules that re-export our middleware factories, e.g. `@/lib/actions`; matched by the file each resolves to. */
  runtimeModules?: string[];
  /** Which files the compiler sees (default: every script outside node_modules). */
  include?: RegExp | RegExp[];
  exclude?: RegExp | RegExp[];
  /** This build's id, stamped into stubs and served as `virtual:hono-preact-actions/build-id`.
   * Default: HPA_BUILD_ID, else a hash of the server modules under `root`. */
  buildId?: string;
  /** Vite only: serve and build your Hono app (`vite` dev through @hono/vite-dev-server, `vite build` for the
   * client and a server that plain `node` runs). `{}` takes the defaults: src/server.tsx, src/client.tsx, dist. */
  app?: AppOptions;
}

export interface Resolved {
  target: 'client' | 'server' | undefined;
  /** The root as given; made absolute against the project root, which Vite only knows after its config resolves. */
  root: string;
  runtimeModules: string[];
  include: RegExp[];
  exclude: RegExp[];
  buildId: string | undefined;
}

const NODE_MODULES = /[\\/]node_modules[\\/]/;
// Our own runtime defines the factories and never needs compiling; installed, it is under
// node_modules anyway, but linked or in this repository it is not. Beside the plugin's folder, as
// source (runtime/, next to unplugin/) or built (dist/runtime/, next to dist/unplugin/); and run from
// source, the built one that the package's exports name (dist/runtime/).
const PLUGIN_PARENT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OWN_RUNTIME = new RegExp(
  `^(?:${escapeRegExp(join(PLUGIN_PARENT, 'runtime'))}|${escapeRegExp(join(PLUGIN_PARENT, 'dist', 'runtime'))})[\\\\/]`,
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function resolveOptions(options: Options = {}): Resolved {
  return {
    target: options.target,
    root: options.root ?? '.',
    runtimeModules: options.runtimeModules ?? [],
    include: [options.include ?? SCRIPT_ID].flat(),
    exclude: [NODE_MODULES, OWN_RUNTIME, ...[options.exclude ?? []].flat()],
    buildId: options.buildId ?? process.env.HPA_BUILD_ID,
  };
}

export function absoluteRoot(root: string, projectRoot: string): string {
  return isAbsolute(root) ? root : resolve(projectRoot, root);
}
