import type { PluginOption } from 'vite';
import { unplugin } from './index.ts';
import type { Options } from './options.ts';
import { appPlugins } from './vite-app.ts';

/** The plugin under Vite; with `app`, also the dev server and the client + server build of the Hono app. */
export default function hpa(options?: Options): PluginOption[] {
  return [unplugin.vite(options), options?.app ? appPlugins(options.app) : []];
}
