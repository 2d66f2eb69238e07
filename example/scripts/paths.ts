import { join, resolve } from 'node:path';

export const EXAMPLE = resolve(import.meta.dirname, '..');
export const CONFIG = join(EXAMPLE, 'vite.config.ts');
export const CLIENT_DIR = join(EXAMPLE, 'dist', 'client');
export const SERVER_DIR = join(EXAMPLE, 'dist', 'server');
/** The port to serve on: PORT, else 3000 (0 picks a free one). */
export const PORT = Number(process.env.PORT ?? 3000);
