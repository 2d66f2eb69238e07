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

/**
 * Source that may hand the factories on without naming one: `export * from …`, or a namespace import
 * (`import * as hpa`, `import hpa = require(…)`) beside an export list. A re-exporter must be listed.
 */
export const EXPORT_ALL = /\bexport\s*\*/;
export const NAMESPACE_IMPORT = /\bimport\s*\*\s*as\b|\bimport\s+[\w$]+\s*=\s*require\b/;
export const EXPORT_LIST = /\bexport\s*\{|\bexport\s+import\b/;

/** `import('hono-preact-actions')` or `require(…)`: the runtime handed over where no binding can be followed. */
export const RUNTIME_LOAD = /\b(?:import|require)\s*\(\s*['"`]hono-preact-actions['"`]/;

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
  return (
    isServerModuleId(id) ||
    SERVER_FOLDER_PATH.test(stripQuery(id)) ||
    FACTORY_MENTION.test(code) ||
    EXPORT_ALL.test(code) ||
    SERVER_MODULE_URL.test(code) ||
    RUNTIME_LOAD.test(code) ||
    (NAMESPACE_IMPORT.test(code) && EXPORT_LIST.test(code))
  );
}
