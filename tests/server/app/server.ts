// The test app over Vite's import.meta.glob, as a user's server entry would have it.
import type { HandlerOptions } from '../../../runtime/server/index.ts';
import { buildApp } from './build-app.ts';

export { listen, ROOT, type RunningServer } from './build-app.ts';

export const glob = import.meta.glob('/tests/server/app/pages/**/*.server.ts');

export function createApp(options: HandlerOptions = {}) {
  return buildApp(glob, options);
}
