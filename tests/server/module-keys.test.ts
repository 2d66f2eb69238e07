// The glob the compiler tags with the plugin's root (compiler/passes/rewrite-server-globs.ts): a handler
// with no root of its own computes the stubs' keys from it, and a handler whose root says otherwise
// refuses to start, naming both, instead of answering every call with a 404.
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.ts';
import { defineAction } from '../../runtime/index.ts';
import { actionsHandler, type ServerModuleGlob } from '../../runtime/server/index.ts';
import { SERVER_ROOT_TAG } from '../../runtime/shared/module-key.ts';

const movies = {
  serverActions: { add: defineAction(async (_ctx, payload: { title: string }) => ({ added: payload.title })) },
};

/** What `import.meta.glob('./pages/*.server.ts')` in src/server.tsx is after the compiler and Vite. */
function taggedGlob(root: string): ServerModuleGlob {
  return Object.defineProperty({ '/src/pages/movies.server.ts': movies }, Symbol.for(SERVER_ROOT_TAG), { value: root });
}

/** The key the client stub of src/pages/movies.server.ts carries under the plugin's root. */
function stubKey(root: string): string {
  const stub = compile('export const serverActions = { add: () => null };', {
    id: '/app/src/pages/movies.server.ts',
    target: 'client',
    root: `/app/${root}`,
    projectRoot: '/app',
  });
  return /module: "([^"]+)"/.exec(stub?.code ?? '')?.[1] ?? 'no key in the stub';
}

describe('module keys from the plugin root', () => {
  for (const root of ['src/pages', 'src', '.']) {
    it(`a handler with no root answers the stub's key under plugin root "${root}"`, async () => {
      const { Hono } = await import('hono');
      const app = new Hono().post('/__actions', actionsHandler(taggedGlob(`/${root === '.' ? '' : root}`)));
      const response = await app.request('/__actions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ module: stubKey(root), action: 'add', payload: { title: 'Heat' } }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ data: { added: 'Heat' } });
    });
  }

  it('a handler root that disagrees with the plugin root fails at start, naming both', () => {
    expect(() => actionsHandler(taggedGlob('/src'), { root: '/src/pages' })).toThrow(
      /plugin computes module keys from the root "\/src".*this handler's root is "\/src\/pages"/,
    );
  });

  it('a handler root that agrees with the plugin root, however spelled, starts', () => {
    expect(() => actionsHandler(taggedGlob('/src/pages'), { root: 'src/pages/' })).not.toThrow();
  });

  it('an untagged relative glob (no plugin) is still refused with the fix', () => {
    expect(() => actionsHandler({ './pages/movies.server.ts': movies })).toThrow(/relative to the file that calls/);
  });
});
