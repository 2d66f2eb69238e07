// The benchmark server, in its own process so the load generator does not share its CPU: a
// hand-written Hono route, /__actions with no middleware, and /__actions with three no-op layers
// (app, pageUse, actionUse), all doing the same JSON decode, call and encode.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { defineAction, defineApp, defineServerMiddleware } from '../../runtime/index.ts';
import { actionsHandler } from '../../runtime/server/index.ts';

const add = async (payload: { a: number; b: number }) => ({ sum: payload.a + payload.b });
const noop = () => defineServerMiddleware(async (_ctx, next) => next());

const plain = { serverActions: { add: defineAction(async (_ctx, payload: { a: number; b: number }) => add(payload)) } };
const layered = { ...plain, pageUse: [noop()], actionUse: [noop()] };

const app = new Hono()
  // The server's CPU time so far, so the bench can report CPU per request beside throughput.
  .get('/__cpu', (c) => {
    const { user, system } = process.cpuUsage();
    return c.json({ micros: user + system });
  })
  .post('/hand', async (c) => {
    const body = await c.req.json<{ module: string; action: string; payload: { a: number; b: number } }>();
    return c.json({ data: await add(body.payload) });
  })
  .post('/__actions', actionsHandler({ '/calc.server.ts': plain }))
  .post('/layered/__actions', actionsHandler({ '/calc.server.ts': layered }, { app: defineApp({ use: [noop()] }) }));

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`${info.port}\n`);
});

// A clean exit on Ctrl-C or kill, so `node --cpu-prof bench/server/serve.ts` writes its profile.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
