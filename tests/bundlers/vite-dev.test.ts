// The Vite dev server, where nothing tree-shakes: every module the page loads, fetched over HTTP as
// the browser would, inline source maps decoded, must be free of server code.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import hpaVite from '../../unplugin/vite.ts';
import { APP, RUNTIME_MODULES, SPECIAL_QUERIES } from './builders.ts';

let server: ViteDevServer;
let origin: string;

beforeAll(async () => {
  server = await createServer({
    root: APP,
    configFile: false,
    logLevel: 'silent',
    plugins: [hpaVite({ root: 'src/pages', runtimeModules: RUNTIME_MODULES })],
    resolve: { alias: { '@': join(APP, 'src') } },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, ws: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  origin = `http://127.0.0.1:${address.port}`;
}, 30_000);

afterAll(() => server?.close());

/** A served module's text with its inline source map decoded, so what hides in the map is searched too. */
function withInlineMap(code: string): string {
  const match = /sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)/.exec(code);
  return match ? `${code}\n${Buffer.from(match[1] as string, 'base64').toString('utf8')}` : code;
}

async function crawl(entry: string): Promise<Map<string, string>> {
  const served = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (served.has(url)) continue;
    const response = await fetch(`${origin}${url}`, { headers: { accept: '*/*' } });
    expect(response.status, url).toBe(200);
    const code = await response.text();
    served.set(url, withInlineMap(code));
    for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\/[^"']+)["']/g))
      queue.push(match[1] as string);
  }
  return served;
}

describe('vite dev server', () => {
  it('never serves a marker or a server module body to the browser, inline source maps included', async () => {
    const served = await crawl('/src/main.tsx');
    const urls = [...served.keys()];
    expect(urls).toEqual(
      expect.arrayContaining(['/src/pages/movies.tsx', '/src/auth.ts', '/src/pages/movies.server.ts']),
    );
    expect(urls.some((url) => url.includes('admin/movies.server'))).toBe(true);
    expect(urls.some((url) => url.includes('server/db.ts'))).toBe(false);
    for (const [url, code] of served) {
      expect({ url, markers: code.match(/SERVER_MARKER_\w+/g) }).toEqual({ url, markers: null });
    }
    for (const [url, code] of served) {
      if (!url.includes('.server')) continue;
      expect(code).toMatch(/Client stub of server module/);
      expect(code).not.toMatch(/defineAction|console\.log/);
    }
  }, 30_000);

  it('gives a Web Worker the stub of the server module it imports', async () => {
    const served = await crawl('/src/worker.ts?worker_file&type=module');
    expect([...served.keys()].some((url) => url.startsWith('/src/pages/movies.server.ts'))).toBe(true);
    for (const [url, code] of served) {
      expect({ url, markers: code.match(/SERVER_MARKER_\w+/g) }).toEqual({ url, markers: null });
    }
  }, 30_000);

  it('strips a middleware imported through a listed re-exporter, however the import spells it', async () => {
    const served = await crawl('/src/audit.ts');
    expect(served.get('/src/audit.ts')).toMatch(/defineServerMiddleware\(\)/);
    expect([...served.values()].join('\n')).not.toContain('SERVER_MARKER');
  });

  it.each(SPECIAL_QUERIES.flatMap((query) => [query, `import&${query}`]))(
    'refuses a server module requested with ?%s, serving none of it',
    async (query) => {
      const response = await fetch(`${origin}/src/pages/movies.server.ts?${query}`, { headers: { accept: '*/*' } });
      const body = await response.text();
      expect(body).not.toMatch(/SERVER_MARKER|defineAction/);
      expect(response.status).toBe(500);
      expect(body).toContain('SERVER_MODULE_QUERY');
    },
  );

  it.each([
    ['/src/side-doors/movies.server/index.ts', 'SERVER_MODULE_FOLDER'],
    ['/src/side-doors/unlisted-actions.ts', 'UNLISTED_RUNTIME_MODULE'],
    ['/src/side-doors/url-entry.ts', 'SERVER_MODULE_URL'],
    ['/src/side-doors/movies.server/index.ts?raw', 'SERVER_MODULE_QUERY'],
  ])('refuses the side door %s with its compile error, not a module', async (url, code) => {
    // Like every compile error under the dev server, the answer is Vite's error page for the developer,
    // with the code frame of the file they must change; no module is served to import.
    const response = await fetch(`${origin}${url}`, { headers: { accept: '*/*' } });
    const body = await response.text();
    expect(response.status).toBe(500);
    expect(body).toContain(code);
    expect(body).not.toMatch(/^\s*(?:import|export)\b/);
  });

  it('serves the SSR graph the real server module, compiled for the server', async () => {
    const module = await server.ssrLoadModule('/src/pages/movies.server.ts');
    expect(Object.keys(module).sort()).toEqual(['default', 'pageUse', 'serverActions']);
    expect(typeof (module.serverActions as { addMovie: unknown }).addMovie).toBe('function');
  });
});
