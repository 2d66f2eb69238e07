// `npm run build`: the package as users install it, in dist/. TypeScript's own emit does the work
// (one .js + .d.ts + map per source file, names and layout kept, so a user stepping into the library
// from their debugger recognises it); this script only finishes what tsc leaves:
// - declarations keep the `.ts` specifiers of the sources, which a user's tsc refuses without
//   allowImportingTsExtensions, so they are rewritten to the `.js` files that sit beside them;
// - the build-id virtual module's declaration is copied, and referenced from the server entry.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const RELATIVE_TS_SPECIFIER = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*?)\.([cm]?)tsx?\2/g;

export function build(): void {
  rmSync(DIST, { recursive: true, force: true });
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  for (const file of declarationFiles(DIST)) {
    const text = readFileSync(file, 'utf8');
    const fixed = text.replace(
      RELATIVE_TS_SPECIFIER,
      (_all, head, quote, path, kind) => `${head}${quote}${path}.${kind}js${quote}`,
    );
    if (fixed !== text) writeFileSync(file, fixed);
  }
  copyFileSync(join(ROOT, 'unplugin', 'virtual.d.ts'), join(DIST, 'unplugin', 'virtual.d.ts'));
  const serverEntry = join(DIST, 'runtime', 'server', 'index.d.ts');
  writeFileSync(
    serverEntry,
    `/// <reference path="../../unplugin/virtual.d.ts" />\n${readFileSync(serverEntry, 'utf8')}`,
  );
}

function declarationFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

if (import.meta.main) build();
