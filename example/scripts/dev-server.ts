// The Vite dev server (HMR) in front of the Hono app, which is reloaded from source per request:
// `npm run dev` starts it with the example's config; the dev benchmark starts it with others.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createServer as createViteServer, type InlineConfig, type ViteDevServer } from 'vite';
import { ALLOWED_HOSTS } from './paths.ts';

export interface DevServer {
  url: string;
  vite: ViteDevServer;
  close(): Promise<void>;
}

export async function startDevServer(config: InlineConfig, port: number): Promise<DevServer> {
  const http: Server = createServer();
  const vite = await createViteServer({
    ...config,
    appType: 'custom',
    server: { ...config.server, middlewareMode: true, hmr: { server: http } },
  });
  http.on('request', (req, res) => {
    vite.middlewares(req, res, async () => {
      try {
        const { createApp } = (await vite.ssrLoadModule('/src/server.tsx')) as typeof import('../src/server.tsx');
        const app = createApp({
          clientEntry: '/src/client.tsx',
          headScripts: ['/@vite/client'],
          allowedHosts: ALLOWED_HOSTS,
        });
        await getRequestListener(app.fetch)(req, res);
      } catch (error) {
        vite.ssrFixStacktrace(error as Error);
        res.statusCode = 500;
        res.end(String((error as Error).stack));
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    vite,
    async close() {
      await vite.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
