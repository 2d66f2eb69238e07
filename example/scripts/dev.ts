// `npm run dev`: the Vite dev server (HMR) in front of the Hono app, reloaded from source per request.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createServer as createViteServer } from 'vite';
import { ALLOWED_HOSTS, CONFIG, EXAMPLE, PORT } from './paths.ts';

const http = createServer();
const vite = await createViteServer({
  root: EXAMPLE,
  configFile: CONFIG,
  appType: 'custom',
  server: { middlewareMode: true, hmr: { server: http } },
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

http.listen(PORT, '127.0.0.1', () => {
  console.log(`Movies app (dev): http://127.0.0.1:${(http.address() as AddressInfo).port}`);
});
