// Named caches of loader data, so an action on one page can invalidate what another page shows:
// `invalidate: ['movies']` clears the cache created with createCache('movies'), and whoever reads
// it (a page on its next visit, or a subscribed component now) fetches again.

export interface Cache<T> {
  readonly name: string | undefined;
  get(key?: string): T | undefined;
  set(value: T, key?: string): void;
  has(key?: string): boolean;
  invalidate(): void;
  /** Called after every invalidate(); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

const registry = new Map<string, Set<Cache<unknown>>>();

export function createCache<T>(name?: string): Cache<T> {
  const entries = new Map<string, T>();
  const listeners = new Set<() => void>();
  const cache: Cache<T> = {
    name,
    get: (key = '') => entries.get(key),
    set: (value, key = '') => void entries.set(key, value),
    has: (key = '') => entries.has(key),
    invalidate() {
      entries.clear();
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  if (name !== undefined) {
    let named = registry.get(name);
    if (!named) registry.set(name, (named = new Set()));
    named.add(cache as Cache<unknown>);
  }
  return cache;
}

/** Clears every cache created under each name. */
export function invalidateCaches(names: readonly string[]): void {
  for (const name of names) for (const cache of registry.get(name) ?? []) cache.invalidate();
}
