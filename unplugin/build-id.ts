// The build id: the same for the client and the server build of one version of the app, different
// when its server modules change. A hash of every server module under the root (path and content),
// unless the user names the build (option or HPA_BUILD_ID, e.g. a commit hash).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isServerModuleId } from '../compiler/index.ts';

export const BUILD_ID_MODULE = 'virtual:hono-preact-actions/build-id';
/** Emitted next to each build's output: what the build exposes to callers. */
export const MANIFEST_FILE = 'hono-preact-actions.manifest.json';

export function hashServerModules(root: string): string {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (isServerModuleId(path)) files.push(path);
    }
  };
  walk(root);
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(`${relative(root, file)}\0${readFileSync(file, 'utf8')}\0`);
  return hash.digest('hex').slice(0, 12);
}
