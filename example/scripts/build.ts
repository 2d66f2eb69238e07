// Builds the example: the client bundle (with a manifest) and the server bundle (Vite's SSR build).
import { build } from 'vite';
import { CLIENT_DIR, CONFIG, EXAMPLE, SERVER_DIR } from './paths.ts';

export async function buildExample(): Promise<void> {
  await build({ root: EXAMPLE, configFile: CONFIG, logLevel: 'warn', build: { outDir: CLIENT_DIR } });
  await build({
    root: EXAMPLE,
    configFile: CONFIG,
    logLevel: 'warn',
    build: { ssr: 'src/server.tsx', outDir: SERVER_DIR, manifest: false, rollupOptions: { input: 'src/server.tsx' } },
  });
}

if (import.meta.main) await buildExample();
