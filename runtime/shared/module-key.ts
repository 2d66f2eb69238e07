// Module keys: the name of a server module on the wire, computed by the same rule on both sides.
// The rule: the module's path relative to the server modules' root, POSIX separators, less its
// `.server.*` extension (`src/pages/admin/users.server.ts` under root `src/pages` is `admin/users`).
// The compiler applies it to the file id; actionsHandler to the keys of its import.meta.glob.

const SERVER_EXTENSION = /\.server\.[cm]?[jt]sx?$/;

/**
 * The key of a server module from its path relative to the root, or null when the path is not a
 * server module or escapes the root (`..`), so callers can say which of the two went wrong.
 */
export function moduleKeyFromRelativePath(relativePath: string): string | null {
  const posix = relativePath.replaceAll('\\', '/').replace(/^(?:\.\/|\/)+/, '');
  if (!SERVER_EXTENSION.test(posix)) return null;
  const segments = posix.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) return null;
  return posix.replace(SERVER_EXTENSION, '');
}

/**
 * The property (a registered symbol, so it survives bundling and never shows in `Object.entries`) by which
 * the compiler tells `actionsHandler` which root the plugin computed the client stubs' keys from. It is set
 * on every `import.meta.glob` of server modules, so a handler given no `root` uses the plugin's, and one
 * given another root fails at start instead of answering 404 to every call.
 */
export const SERVER_ROOT_TAG = 'hono-preact-actions.root';
