// Expects: any module other than a server module, in the client target. Guarantees afterwards: it holds
// no `new URL('./x.server.ts', import.meta.url)`. Vite and webpack turn such a URL into an asset (or a
// data: URL) made of the file's bytes, read before any plugin could replace it with the client stub.
import type { FileContext } from '../context.ts';
import { errorAt } from '../errors.ts';

export function refuseServerModuleUrls(file: FileContext): void {
  const url = file.analysis().serverModuleUrls[0];
  if (!url) return;
  throw errorAt(
    file,
    url.node,
    'SERVER_MODULE_URL',
    `\`new URL('${url.written}', import.meta.url)\` makes the bundler ship the server module's file as an asset: its source, not its client stub, would reach the browser.`,
    "import the module instead (`import { serverActions } from './x.server.ts'`); a worker can import the server module it needs from a module of its own.",
  );
}
