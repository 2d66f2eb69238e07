import hpa from 'hono-preact-actions/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  // app: `vite` serves src/server.tsx with HMR; `vite build` builds src/client.tsx and a server for `npm start`.
  plugins: [hpa({ app: { server: 'src/server.tsx', client: 'src/client.tsx' } })],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
