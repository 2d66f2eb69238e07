// The test app: the two handlers on a Hono app, and a helper that serves it on 127.0.0.1. The
// modules come in as a glob, so Vite's import.meta.glob (server.ts) and plain Node
// (tests/client/server-process.ts) can both build it.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import {
  actionsHandler,
  type HandlerOptions,
  loadersHandler,
  type ServerModuleGlob,
} from '../../../runtime/server/index.ts';
import appConfig from './app-config.ts';
import { journal } from './journal.ts';

export const ROOT = '/tests/server/app/pages';

export function buildApp(modules: ServerModuleGlob, options: HandlerOptions = {}) {
  const settings: HandlerOptions = {
    app: appConfig,
    root: ROOT,
    onError: () => {},
    onObserverError: (_error, info) => journal.observerFailures.push(info.callback),
    ...options,
  };
  return new Hono()
    .post('/__actions', actionsHandler(modules, settings))
    .all('/__actions', actionsHandler(modules, settings))
    .post('/__loaders', loadersHandler(modules, settings))
    .get('/health', (c) => c.text('ok'));
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(app: {
  fetch: (request: Request) => Response | Promise<Response>;
}): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
