import { join, resolve } from 'node:path';

/** The app to build and serve: this folder, or another copy of it (EXAMPLE_ROOT), as the deploy test does. */
export const EXAMPLE = process.env.EXAMPLE_ROOT
  ? resolve(process.env.EXAMPLE_ROOT)
  : resolve(import.meta.dirname, '..');
export const CONFIG = join(EXAMPLE, 'vite.config.ts');
const DIST = join(EXAMPLE, 'dist');
export const CLIENT_DIR = join(DIST, 'client');
export const SERVER_DIR = join(DIST, 'server');
/** The hosts the example answers as: it listens on 127.0.0.1, which a browser may also reach as localhost. */
export const ALLOWED_HOSTS = ['localhost', '127.0.0.1'];
/** The port to serve on: PORT, else 3000 (0 picks a free one). */
export const PORT = Number(process.env.PORT ?? 3000);
