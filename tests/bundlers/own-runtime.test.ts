// The plugin's filter leaves this package's own runtime alone: it defines the factories and never needs
// compiling. Installed, it is under node_modules; linked (a workspace, `npm link`) or in this repository,
// bundlers resolve it to its real path, as source (runtime/) or built (dist/runtime/).
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../unplugin/options.ts';

const PACKAGE = resolve(import.meta.dirname, '..', '..');

function compiled(id: string): boolean {
  const { include, exclude } = resolveOptions();
  return include.some((pattern) => pattern.test(id)) && !exclude.some((pattern) => pattern.test(id));
}

describe('the filter', () => {
  it('leaves the runtime alone as source, built, and installed', () => {
    expect(compiled(join(PACKAGE, 'runtime', 'server', 'chain.ts'))).toBe(false);
    expect(compiled(join(PACKAGE, 'dist', 'runtime', 'server', 'chain.js'))).toBe(false);
    expect(compiled('/app/node_modules/hono-preact-actions/dist/runtime/server/chain.js')).toBe(false);
  });

  it("takes the app's own scripts, wherever they sit", () => {
    expect(compiled(join(PACKAGE, 'example', 'src', 'auth.ts'))).toBe(true);
    expect(compiled('/app/src/pages/movies.server.ts')).toBe(true);
    expect(compiled('/app/dist/runtime.ts')).toBe(true);
  });
});
