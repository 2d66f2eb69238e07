// The bridge from page rendering to the loader chain. loadersHandler registers how to run a loader
// the way an RPC call would (same registry, same rings); renderPage finds a page's loader by the
// function the page holds (on the server, the real one) and runs it through that chain.
import type { Context } from 'hono';
import type { LoaderLocation } from '../context.ts';
import { rememberUnit, stubOf } from '../shared/unit-identity.ts';
import type { AppConfig } from '../define.ts';
import type { OriginRefusal } from './origin.ts';
import type { ModuleEntry } from './registry.ts';
import type { RouteIndex } from './route-index.ts';

export interface PageLoaderRunner {
  registry: Map<string, ModuleEntry>;
  /** The loaders handler's app and routes: renderPage composes the same rings around a page. */
  app: AppConfig | undefined;
  routeIndex: RouteIndex | undefined;
  /** The loaders handler's allowedHosts check: a page view for another host is refused too. */
  hostRefusal?: (request: Request) => OriginRefusal | undefined;
  /** The loaders handler's `allowedRedirects`: where a page's redirect outcome may leave the site for. */
  allowedRedirects?: readonly string[];
  /**
   * Runs loader `name` of module `key` through its chain, less `skip`: its data, or a promise of it;
   * outcomes and errors are thrown (synchronously, or as the promise's rejection).
   */
  run(c: Context, key: string, name: string, location: LoaderLocation, skip?: ReadonlySet<unknown>): unknown;
}

/** Where a loaders handler keeps its runner, so renderPage({ loaders }) can use that one. */
export const PAGE_RUNNER = Symbol('hono-preact-actions.page-runner');

/** A handler as the server entry holds it: what renderPage's `loaders` and `actions` options take. */
export type UnitHandler = ((c: Context) => Promise<Response>) & { readonly [PAGE_RUNNER]?: PageLoaderRunner };

let runner: PageLoaderRunner | undefined;
// Modules whose units are already named (an RPC or an eager glob may have loaded them first).
const remembered = new WeakSet<object>();

export function registerPageLoaders(next: PageLoaderRunner): void {
  runner = next;
}

let formActions: ((c: Context) => Promise<Response>) | undefined;

/** actionsHandler registers itself here, so renderPage can answer a form posted without JavaScript. */
export function registerFormActions(handler: (c: Context) => Promise<Response>): void {
  formActions = handler;
}

export function formActionsHandler(chosen?: UnitHandler): (c: Context) => Promise<Response> {
  const handler = chosen ?? formActions;
  if (!handler) throw new Error('A form was posted to a page, but no actionsHandler(…) was created to run it.');
  return handler;
}

/**
 * Loads every registered server module once and records the name of each action and loader function,
 * so a server render can name them (stubOf) as the client's stubs do. Once a runner's modules are all
 * named, later renders get the runner back at once, without a walk or an await.
 */
export function rememberAllUnits(loaders?: UnitHandler): PageLoaderRunner | Promise<PageLoaderRunner> {
  if (loaders && !loaders[PAGE_RUNNER])
    throw new TypeError('renderPage: `loaders` must be a handler made by loadersHandler(…).');
  const runner = loaders?.[PAGE_RUNNER] ?? lastRunner();
  return complete.has(runner) ? runner : rememberModules(runner);
}

// Runners whose registry's modules are all loaded and named: the registry is fixed when it is made.
const complete = new WeakSet<PageLoaderRunner>();

async function rememberModules(runner: PageLoaderRunner): Promise<PageLoaderRunner> {
  for (const entry of runner.registry.values()) {
    const module = entry.loaded ?? (await entry.load());
    if (remembered.has(module)) continue;
    remembered.add(module);
    if (typeof module.default === 'function') rememberUnit(module.default, { module: entry.key, loader: 'default' });
    for (const [name, fn] of Object.entries(module.serverLoaders ?? {})) {
      if (typeof fn === 'function') rememberUnit(fn, { module: entry.key, loader: name });
    }
    for (const [name, fn] of Object.entries(module.serverActions ?? {})) {
      if (typeof fn === 'function') rememberUnit(fn, { module: entry.key, action: name });
    }
  }
  complete.add(runner);
  return runner;
}

function lastRunner(): PageLoaderRunner {
  if (!runner) {
    throw new Error(
      'renderPage needs loadersHandler(…) to be created first: it runs page loaders through the same chain.',
    );
  }
  return runner;
}

/** The module key and loader name of a loader function the page holds (after rememberAllUnits). */
export function identify(loader: object): { key: string; name: string } {
  const stub = stubOf(loader);
  if (!stub?.loader) throw new Error('This page loader is not exported by any server module loadersHandler knows.');
  return { key: stub.module, name: stub.loader };
}
