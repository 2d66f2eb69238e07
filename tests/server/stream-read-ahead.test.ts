// A streamed answer runs its producer only a bounded way ahead of the client: a body no one reads
// stops the producer once some kilobytes wait, and each read lets it go on by about as much.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { defineAction } from '../../runtime/index.ts';
import { actionsHandler } from '../../runtime/server/index.ts';

function counting(chunkBytes: number) {
  const produced = { count: 0 };
  const module = {
    serverActions: {
      flood: defineAction(async () =>
        (async function* () {
          for (;;) {
            produced.count++;
            yield 'x'.repeat(chunkBytes);
          }
        })(),
      ),
    },
  };
  const actions = actionsHandler({ '/src/pages/flood.server.ts': module }, { root: '/src/pages' });
  const app = new Hono().post('/__actions', actions);
  const call = () =>
    app.request('/__actions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ module: 'flood', action: 'flood', payload: {} }),
    });
  return { produced, call };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('a streamed answer nobody reads', () => {
  it('stops the producer within a few kilobytes, and goes on as the client reads', async () => {
    const { produced, call } = counting(100);
    const response = await call();
    await settle();
    const ahead = produced.count;
    expect(ahead).toBeGreaterThan(0);
    expect(ahead * 100).toBeLessThan(32 * 1024);
    await settle();
    expect(produced.count).toBe(ahead);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let read = 0;
    while (read < 64 * 1024) read += (await reader.read()).value?.byteLength ?? 0;
    await settle();
    expect(produced.count).toBeGreaterThan(ahead);
    expect((produced.count * 100 - read) / 1024).toBeLessThan(32);
    await reader.cancel();
  });

  it('holds a chunk larger than the whole allowance, one at a time', async () => {
    const { produced, call } = counting(256 * 1024);
    const response = await call();
    await settle();
    expect(produced.count).toBe(1);
    await response.body?.cancel();
  });
});
