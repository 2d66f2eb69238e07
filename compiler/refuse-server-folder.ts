// A folder named like a server module (`movies.server/index.ts`, imported as `./movies.server`) is not
// one: only files are replaced by stubs and listed by the handler's glob, so whatever such a folder holds
// would reach the browser whole. It is refused in the client target, before anything is parsed; on the
// server it is ordinary server code (a `.server/` folder of server-only helpers, say).
import { basename, relative, resolve } from 'node:path';
import { SERVER_FOLDER_PATH } from './detect.ts';
import type { Target } from './context.ts';
import { type ErrorSite, errorAt } from './errors.ts';

/** The path from a folder named like a server module down to the file (`movies.server/index.ts`), or null. */
export function serverFolderPath(id: string, root: string): string | null {
  if (!SERVER_FOLDER_PATH.test(id)) return null;
  // Only folders on the way from the root count (the root's own ancestors show as `..`): a checkout
  // that lives in `app.server/` holds no server module folder.
  const folders = relative(resolve(root), resolve(id)).split(/[\\/]/).slice(0, -1);
  const index = folders.findIndex((folder) => folder !== '..' && folder.endsWith('.server'));
  return index === -1 ? null : [...folders.slice(index), basename(id)].join('/');
}

export function refuseServerFolder(site: ErrorSite, root: string, target: Target): void {
  if (target !== 'client') return;
  const inside = serverFolderPath(site.id, root);
  if (inside === null) return;
  const folder = inside.slice(0, inside.indexOf('/'));
  throw errorAt(
    site,
    { loc: { start: { line: 1, column: 0 } } },
    'SERVER_MODULE_FOLDER',
    `this file lies in \`${folder}/\`, a folder named like a server module, and client code imports it. Only a file named \`x.server.ts\` is replaced by its client stub, so \`${inside}\` would reach the browser whole.`,
    `if it is meant as a server module, make it a file (\`${folder === '.server' ? 'name.server' : folder}.ts\`; helpers it imports can live in a folder without \`.server\` in its name); if it is server-only code, import it from server modules only.`,
  );
}
