// The bridge from page rendering to the loader chain. loadersHandler registers how to run a loader
// the way an RPC call would (same registry, same rings); renderPage finds a page's loader by the
// function the page holds (on the server, the real one) and runs it through that chain.
import type { Context } from 'hono';
import type { LoaderLocation } from '../context.ts';
import type { ModuleEntry } from './registry.ts';

export interface PageLoaderRunner {
  registry: Map<string, ModuleEntry>;
  /** Runs loader `name` of module `key` through the chain; outcomes and errors are thrown. */
  run(c: Context, key: string, name: string, location: LoaderLocation): Promise<unknown>;
}

let runner: PageLoaderRunner | undefined;
const identities = new WeakMap<object, { key: string; name: string }>();

export function registerPageLoaders(next: PageLoaderRunner): void {
  runner = next;
}

/** The module key and loader name of a loader function, found by loading the registered modules once. */
export async function identify(loader: object): Promise<{ runner: PageLoaderRunner; key: string; name: string }> {
  if (!runner) {
    throw new Error(
      'renderPage needs loadersHandler(…) to be created first: it runs page loaders through the same chain.',
    );
  }
  let identity = identities.get(loader);
  if (!identity) {
    for (const entry of runner.registry.values()) {
      const module = entry.loaded ?? (await entry.load());
      if (typeof module.default === 'function') identities.set(module.default, { key: entry.key, name: 'default' });
      for (const [name, fn] of Object.entries(module.serverLoaders ?? {})) {
        if (typeof fn === 'function') identities.set(fn, { key: entry.key, name });
      }
    }
    identity = identities.get(loader);
  }
  if (!identity) throw new Error('This page loader is not exported by any server module loadersHandler knows.');
  return { runner, ...identity };
}
