// The plugin: wiring only. Options are resolved once; the transform filter comes from the compiler's
// detection table; the target comes from the option, else from Vite's environment; errors are handed
// to each bundler in the form it shows best. All the work is compile()'s.
import { readFile } from 'node:fs/promises';
import { type UnpluginFactory, createUnplugin } from 'unplugin';
import { CompileError, compile, SERVER_MODULE_ID, type ServerModuleManifest, type Target } from '../compiler/index.ts';
import { BUILD_ID_MODULE, hashServerModules, MANIFEST_FILE } from './build-id.ts';
import { absoluteRoot, type Options, resolveOptions } from './options.ts';
import { refuseQueryImport } from './refuse-query-import.ts';
import { reportCompileError } from './report-error.ts';
import { createRuntimeModules } from './runtime-modules.ts';
import { coverWorkers } from './vite-workers.ts';

export type { Options } from './options.ts';

interface ViteEnvironmentContext {
  environment?: { config?: { consumer?: 'client' | 'server' } };
}

export const unpluginFactory: UnpluginFactory<Options | undefined> = (rawOptions, meta) => {
  const options = resolveOptions(rawOptions);
  let projectRoot = process.cwd();
  const filter = { id: { include: options.include, exclude: options.exclude } };
  // Ids that Rollup's load hook already compiled in this build (see rollupLoad).
  const compiledOnLoad = new Set<string>();
  let buildId: string | undefined;
  // What each server module exposes, gathered while compiling: the action manifest of the build.
  const manifests = new Map<string, ServerModuleManifest>();
  let serving = false;
  const runtimeModules = createRuntimeModules(options.runtimeModules);
  const currentBuildId = () => {
    buildId ??= options.buildId ?? hashServerModules(absoluteRoot(options.root, projectRoot));
    return buildId;
  };
  const VIRTUAL = `\0${BUILD_ID_MODULE}`;
  const loadVirtual = (id: string) =>
    id === VIRTUAL ? `export const buildId = ${JSON.stringify(currentBuildId())};\n` : null;

  /** Once per build: the client and the server build each hash the same server modules, and list them anew. */
  function startBuild() {
    buildId = undefined;
    manifests.clear();
    runtimeModules.startBuild();
  }

  // Vite gives each environment (client, SSR, and their dev graphs) its own target.
  const targetOf = (context: unknown): Target =>
    options.target ?? (context as ViteEnvironmentContext).environment?.config?.consumer ?? 'client';

  // Synchronous unless the runtime modules need resolving: an async hook would count other modules'
  // work done while it waits (a bundler runs many at once) and pay a promise per file for nothing.
  function run(context: unknown, code: string, id: string) {
    const runtime = runtimeModules.forFile(context, code, id, projectRoot);
    return runtime instanceof Promise
      ? runtime.then((resolved) => compileFor(context, code, id, resolved))
      : compileFor(context, code, id, runtime);
  }

  function compileFor(context: unknown, code: string, id: string, runtime: string[]) {
    const target = targetOf(context);
    try {
      return compile(code, {
        id,
        target,
        root: absoluteRoot(options.root, projectRoot),
        projectRoot,
        runtimeModules: runtime,
        buildId: currentBuildId(),
        onServerModule: (manifest) => manifests.set(manifest.key, manifest),
      });
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      return reportCompileError(context, error, meta.framework);
    }
  }

  return {
    name: 'hono-preact-actions',
    enforce: 'pre',
    buildStart: startBuild,
    buildEnd() {
      // The manifest: what this build exposes to callers, for review in CI (not under a dev server).
      if (serving || manifests.size === 0) return;
      const modules = [...manifests.values()].sort((a, b) => a.key.localeCompare(b.key));
      this.emitFile({
        type: 'asset',
        fileName: MANIFEST_FILE,
        source: `${JSON.stringify({ buildId: currentBuildId(), modules }, null, 2)}\n`,
      });
    },
    resolveId(id) {
      return id === BUILD_ID_MODULE ? VIRTUAL : null;
    },
    load(id) {
      return loadVirtual(id);
    },
    vite: {
      config(config) {
        coverWorkers(config, 'hono-preact-actions', () => unplugin.vite(rawOptions));
      },
      configResolved(config) {
        projectRoot = config.root;
        // A worker bundle's instance lists nothing: the main build's manifest already has every module.
        serving = config.command === 'serve' || config.isWorker;
      },
      load(id) {
        const refusal =
          targetOf(this) === 'client' ? refuseQueryImport(id, absoluteRoot(options.root, projectRoot)) : null;
        if (refusal) this.error(refusal);
        return loadVirtual(id);
      },
      onLog: quietRouteImports,
    },
    rolldown: { onLog: quietRouteImports },
    rollup: {
      onLog: quietRouteImports,
      // Replaces the generic buildStart under Rollup, so it starts the build the same way first.
      buildStart() {
        startBuild();
        compiledOnLoad.clear();
      },
      // Rollup builds a module's map from the code its load returned, whatever a transform's map says,
      // so a client map would carry the removed server bodies. Compiling in load makes our redacted
      // map the module's base map. Only for client builds, only for files Rollup would read from disk.
      async load(id) {
        if (id === VIRTUAL) return loadVirtual(id);
        if ((options.target ?? 'client') !== 'client' || id.includes('?') || id.startsWith('\0')) return null;
        if (!matches(filter.id, id)) return null;
        const code = await readFile(id, 'utf8').catch(() => null);
        if (code === null) return null;
        compiledOnLoad.add(id);
        return (await run(this, code, id)) ?? code;
      },
    },
    transform: {
      filter,
      handler(code, id) {
        if (compiledOnLoad.has(id)) return null;
        return run(this, code, id);
      },
    },
  };
};

/**
 * A route's `server: () => import('./x.server.ts')` names a module its view (for the loader) or the server
 * entry's glob also imports statically, so the bundler says the dynamic import cannot split it off. That
 * is expected (a route's server import is only ever called on the server, to know the module), so it is
 * not said once per route and build; every other log passes.
 */
function quietRouteImports(_level: string, log: { code?: string; id?: string }): boolean {
  return !(log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && SERVER_MODULE_ID.test(log.id ?? ''));
}

function matches(filter: { include: RegExp[]; exclude: RegExp[] }, id: string): boolean {
  return filter.include.some((pattern) => pattern.test(id)) && !filter.exclude.some((pattern) => pattern.test(id));
}

export const unplugin = createUnplugin(unpluginFactory);
export default unplugin;
