// The server modules a handler may call, by module key, built once from an import.meta.glob result.
// Keys come from the shared rule (runtime/shared/module-key.ts), so they match the client stubs;
// every problem with the glob is an error at start, with the paths involved.
import { moduleKeyFromRelativePath, SERVER_ROOT_TAG } from '../shared/module-key.ts';

export interface ServerModule {
  default?: unknown;
  serverLoaders?: Record<string, unknown>;
  serverActions?: Record<string, unknown>;
  actionGuards?: unknown;
  serverGuards?: unknown;
  pageUse?: unknown;
  loaderUse?: unknown;
  actionUse?: unknown;
}

/** What `import.meta.glob` returns: lazy loaders by default, module objects with `{ eager: true }`. */
export type ServerModuleGlob = Record<string, (() => Promise<unknown>) | unknown>;

export interface ModuleEntry {
  key: string;
  path: string;
  /** The module once loaded, so later calls skip the await. */
  loaded?: ServerModule;
  load(): Promise<ServerModule>;
}

export function createRegistry(
  glob: ServerModuleGlob,
  root: string | undefined,
  owner: string,
): Map<string, ModuleEntry> {
  const entries = new Map<string, ModuleEntry>();
  const base = baseFor(glob, root, owner);
  for (const [path, value] of Object.entries(glob)) {
    const key = keyFor(path, base, owner);
    const existing = entries.get(key);
    if (existing) {
      throw new Error(
        `${owner}: ${existing.path} and ${path} have the same module key "${key}". Rename one of them: a key names one module.`,
      );
    }
    let loading: Promise<ServerModule> | undefined;
    const entry: ModuleEntry = {
      key,
      path,
      loaded: typeof value === 'function' ? undefined : (value as ServerModule),
      load: () => {
        loading ??= (async () => {
          entry.loaded =
            typeof value === 'function' ? await (value as () => Promise<ServerModule>)() : (value as ServerModule);
          return entry.loaded;
        })();
        return loading;
      },
    };
    entries.set(key, entry);
  }
  return entries;
}

/**
 * The folder keys are relative to: the plugin's root where the compiler tagged the glob (so the keys are
 * the client stubs' keys by construction), else the handler's `root`. Both given and different is the
 * mismatch that would turn every call into a 404, so it stops the start with both paths named.
 */
function baseFor(glob: ServerModuleGlob, root: string | undefined, owner: string): string | undefined {
  const pluginRoot = (glob as Record<symbol, unknown>)[Symbol.for(SERVER_ROOT_TAG)];
  const fromPlugin = typeof pluginRoot === 'string' ? normalizeRoot(pluginRoot) : undefined;
  const fromHandler = root === undefined ? undefined : normalizeRoot(root);
  if (fromPlugin !== undefined && fromHandler !== undefined && fromPlugin !== fromHandler) {
    throw new Error(
      `${owner}: the plugin computes module keys from the root "/${fromPlugin}" (hpa({ root })), but this handler's root is "/${fromHandler}", ` +
        `so the keys in the browser's stubs would not be the keys the handler knows and every call would be a 404. ` +
        `Give both the same root, or drop the handler's \`root\`: the plugin tells the handler its own.`,
    );
  }
  return fromPlugin ?? fromHandler;
}

function normalizeRoot(root: string): string {
  return stripLeading(root).replace(/\/+$/, '');
}

function stripLeading(path: string): string {
  return path.replaceAll('\\', '/').replace(/^(?:\.\/|\/)+/, '');
}

function keyFor(path: string, base: string | undefined, owner: string): string {
  const posix = path.replaceAll('\\', '/');
  if (base === undefined && posix.startsWith('.')) {
    throw new Error(
      `${owner}: the glob key ${path} is relative to the file that calls import.meta.glob, so module keys would depend on where that file sits. ` +
        `Write the glob from the project root (import.meta.glob('/src/pages/**/*.server.ts')), or pass { root } naming the server modules' folder as the glob spells it, with the same root in the plugin.`,
    );
  }
  const relative = stripLeading(posix);
  if (base && !relative.startsWith(`${base}/`)) {
    throw new Error(
      `${owner}: ${path} lies outside the server modules' root "${base}". Widen the root or narrow the glob.`,
    );
  }
  const key = moduleKeyFromRelativePath(base ? relative.slice(base.length + 1) : relative);
  if (key === null) {
    throw new Error(
      `${owner}: ${path} is not a server module (name.server.ts, .tsx, .js, …); only those can be called.`,
    );
  }
  return key;
}
