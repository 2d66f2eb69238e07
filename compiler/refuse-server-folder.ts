// A folder named like a server module (`movies.server/index.ts`, imported as `./movies.server`) is not
// one: only files are replaced by stubs and listed by the handler's glob, so whatever such a folder holds
// would reach the browser whole. It is refused in both targets, before anything is parsed.
import { basename, relative, resolve } from 'node:path';
import { SERVER_FOLDER_PATH } from './detect.ts';
import { type ErrorSite, errorAt } from './errors.ts';

export function refuseServerFolder(site: ErrorSite, root: string): void {
  if (!SERVER_FOLDER_PATH.test(site.id)) return;
  // Only folders below the root's parent count: a checkout that lives in `app.server/` is no server module.
  const folders = relative(resolve(root), resolve(site.id)).split(/[\\/]/).slice(0, -1);
  const index = folders.findIndex((folder) => folder !== '..' && folder.endsWith('.server'));
  if (index === -1) return;
  const folder = folders[index] as string;
  const inside = [...folders.slice(index), basename(site.id)].join('/');
  throw errorAt(
    site,
    { loc: { start: { line: 1, column: 0 } } },
    'SERVER_MODULE_FOLDER',
    `this file lies in \`${folder}/\`, a folder named like a server module. A server module is a file (\`${folder}.ts\`): a folder is neither replaced by a client stub nor listed by the handler, so \`${inside}\` would reach the browser whole.`,
    `move the module to the file \`${folder}.ts\` (helpers it imports can stay in a folder without \`.server\` in its name), or rename the folder.`,
  );
}
