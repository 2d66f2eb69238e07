// The Vite dev server, where nothing tree-shakes: every module the page loads, fetched over HTTP as
// the browser would, inline source maps decoded, must be free of server code.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import hpaVite from '../../unplugin/vite.ts';
import { APP } from './builders.ts';

let server: ViteDevServer;
let origin: string;

beforeAll(async () => {
  server = await createServer({
    root: APP,
    configFile: false,
    logLevel: 'silent',
    plugins: [hpaVite({ root: 'src/pages' })],
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

  it('serves the SSR graph the real server module, compiled for the server', async () => {
    const module = await server.ssrLoadModule('/src/pages/movies.server.ts');
    expect(Object.keys(module).sort()).toEqual(['default', 'pageUse', 'serverActions']);
    expect(typeof (module.serverActions as { addMovie: unknown }).addMovie).toBe('function');
  });
});
