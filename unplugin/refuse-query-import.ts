// `import u from './movies.server.ts?url'` (and `?raw`, `?inline`, `?worker`, `?sharedworker`, …): Vite's
// asset and worker plugins read such a file themselves in `load`, before any transform could replace it,
// so the server module's source would ship as an asset, a string or a worker. In the client graph the
// plugin refuses every query on a server module id but the ones Vite adds to ordinary module requests.
import { isServerModuleId, SCRIPT_ID, serverFolderPath } from '../compiler/index.ts';

/** Queries under which the module still goes through the transform, and so becomes the stub. */
const PASS_THROUGH = new Set(['import', 't', 'v', 'worker_file', 'type']);

export interface QueryRefusal {
  message: string;
  id: string;
}

/** `root` is the server modules' root: a folder named like a server module below it counts as one. */
export function refuseQueryImport(id: string, root: string): QueryRefusal | null {
  const query = id.indexOf('?');
  if (query === -1 || id.startsWith('\0')) return null;
  const path = id.slice(0, query);
  if (!isServerModuleId(path) && !(SCRIPT_ID.test(path) && serverFolderPath(path, root) !== null)) return null;
  const params = [...new URLSearchParams(id.slice(query + 1)).keys()];
  const refused = params.filter((param) => !PASS_THROUGH.has(param));
  if (refused.length === 0) return null;
  const written = `?${refused.join('&')}`;
  return {
    id: path,
    message:
      `${path} is a server module imported with \`${written}\`: Vite would read the file itself (as a URL, raw text, an inlined asset or a worker) before it could be replaced by its client stub, and ship its source to the browser. [SERVER_MODULE_QUERY]\n` +
      `Fix: import the module without \`${written}\` (e.g. \`import { serverActions } from './x.server.ts'\`); a worker can import the server module it needs.`,
  };
}
