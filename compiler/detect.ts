// The detection table. The plugin's transform filter and the compiler's pre-check both read
// these patterns, so the two can never disagree about which files the compiler looks at.

/** The factories whose bodies the compiler strips in the other target. */
export const MIDDLEWARE_FACTORIES = {
  defineServerMiddleware: 'server',
  defineStreamObserver: 'server',
  defineClientMiddleware: 'client',
} as const;

export type MiddlewareFactory = keyof typeof MIDDLEWARE_FACTORIES;

/** The package's own entry that exports the factories; users may add modules that re-export them. */
export const RUNTIME_MODULE = 'hono-preact-actions';

/** A script the compiler can parse. The query (`?v=…`, `?import`) that dev servers append is allowed. */
export const SCRIPT_ID = /\.[cm]?[jt]sx?(?:\?.*)?$/;

/** A server module: `name.server.ts` and every other script extension. */
export const SERVER_MODULE_ID = /\.server\.[cm]?[jt]sx?(?:\?.*)?$/;

/** A path through a folder named like a server module: `movies.server/index.ts`. */
export const SERVER_FOLDER_PATH = /\.server[\\/]/;

/** Source that mentions a factory by name; a file without one has no body to strip. */
export const FACTORY_MENTION = /\bdefine(?:ServerMiddleware|ClientMiddleware|StreamObserver)\b/;

/** Source that calls `import.meta.glob`; with SERVER_GLOB_PATTERN, a glob the compiler rewrites. */
export const GLOB_MENTION = /\bimport\.meta\.glob\b/;

/** A glob pattern (or source) naming server modules: `*.server.ts`, `*.server.{ts,tsx}`, `*.server.*`. */
export const SERVER_GLOB_PATTERN = /\.server(?:\.|\*|\{)/;

/**
 * Source that may hand the factories on without naming one: `export * from …`, or a namespace import
 * (`import * as hpa`, `import hpa = require(…)`) beside an export list. A re-exporter must be listed.
 */
export const EXPORT_ALL = /\bexport\s*\*/;
export const NAMESPACE_IMPORT = /\bimport\s*\*\s*as\b|\bimport\s+[\w$]+\s*=\s*require\b/;
export const EXPORT_LIST = /\bexport\s*\{|\bexport\s+import\b/;

/** `import('hono-preact-actions')` or `require(…)`: the runtime handed over where no binding can be followed. */
export const RUNTIME_LOAD = /\b(?:import|require)\s*\(\s*['"`]hono-preact-actions['"`]/;
// What must come right before a mention of the runtime for it to be such a load.
const LOAD_CALL_BEFORE = /\b(?:import|require)\s*\(\s*['"`]$/;

/** `new URL('./x.server.ts', import.meta.url)`: bundlers make that an asset holding the file's source. */
export const SERVER_MODULE_URL = /\bnew\s+URL\s*\(\s*['"`][^'"`\n]*\.server\b/;

/** A specifier that names a server module: `./movies.server`, `./movies.server.ts`, maybe with a query. */
export const SERVER_MODULE_SPECIFIER = /\.server(?:\.[cm]?[jt]sx?)?(?:\?.*)?$/;

/** A `.server` import specifier, for tools that want to know who imports server modules. */
export const SERVER_SPECIFIER = /['"`][^'"`\n]*\.server(?:\.[cm]?[jt]sx?)?['"`]/;

export function stripQuery(id: string): string {
  const query = id.indexOf('?');
  return query === -1 ? id : id.slice(0, query);
}

export function isServerModuleId(id: string): boolean {
  return SERVER_MODULE_ID.test(id);
}

/** The cheap pre-check: can this file need any change? Answered with regexes only, before any parse. */
export function mayNeedCompile(code: string, id: string): boolean {
  if (isServerModuleId(id) || SERVER_FOLDER_PATH.test(stripQuery(id)) || FACTORY_MENTION.test(code)) return true;
  if (mayGlobServerModules(code)) return true;
  // The side doors, each behind a substring it cannot occur without, so a plain page pays next to nothing
  // (`quire` for `require`: V8 finds a word by its first letter, and `r` is everywhere in source).
  const star = code.includes('*');
  return (
    loadsRuntime(code) ||
    (code.includes('URL') && SERVER_MODULE_URL.test(code)) ||
    (star && EXPORT_ALL.test(code)) ||
    ((star || code.includes('quire')) && NAMESPACE_IMPORT.test(code) && EXPORT_LIST.test(code))
  );
}

/** RUNTIME_LOAD, read only around each mention of the runtime: pages import it, and a full scan costs. */
function loadsRuntime(code: string): boolean {
  for (let at = code.indexOf(RUNTIME_MODULE); at !== -1; at = code.indexOf(RUNTIME_MODULE, at + 1)) {
    if (LOAD_CALL_BEFORE.test(code.slice(Math.max(0, at - 64), at))) return true;
  }
  return false;
}

export function mayGlobServerModules(code: string): boolean {
  return code.includes('.glob') && GLOB_MENTION.test(code) && SERVER_GLOB_PATTERN.test(code);
}
