// A folder named like a server module (`movies.server/index.ts`, imported as `./movies.server`) is not
// one: only files are replaced by stubs and listed by the handler's glob, so whatever such a folder holds
// would reach the browser whole. It is refused in both targets, before anything is parsed.
import { basename, relative, resolve } from 'node:path';
import { SERVER_FOLDER_PATH } from './detect.ts';
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

export function refuseServerFolder(site: ErrorSite, root: string): void {
  const inside = serverFolderPath(site.id, root);
  if (inside === null) return;
  const folder = inside.slice(0, inside.indexOf('/'));
  throw errorAt(
    site,
    { loc: { start: { line: 1, column: 0 } } },
    'SERVER_MODULE_FOLDER',
    `this file lies in \`${folder}/\`, a folder named like a server module. A server module is a file (\`${folder}.ts\`): a folder is neither replaced by a client stub nor listed by the handler, so \`${inside}\` would reach the browser whole.`,
    `move the module to the file \`${folder}.ts\` (helpers it imports can stay in a folder without \`.server\` in its name), or rename the folder.`,
  );
}
