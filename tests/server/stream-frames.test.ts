// A stream's frames are encoded one after another into shared slabs of memory, each chunk a view of
// its slab: a chunk the client still holds must keep its bytes while later frames are encoded, across
// slabs, with multi-byte text and with frames larger than a slab.
import { Hono } from 'hono';
import { expect, it } from 'vitest';
import { defineAction } from '../../runtime/index.ts';
import { actionsHandler } from '../../runtime/server/index.ts';

const values: unknown[] = [];
for (let i = 0; i < 3000; i++) {
  if (i % 7 === 0) values.push(`línea ${i}\n第二行 🎬\n\nend`);
  else if (i % 11 === 0) values.push({ title: 'Amélie 🎬'.repeat(i % 50), i });
  else values.push({ i });
}
values.push('x'.repeat(40 * 1024), { big: '€'.repeat(20 * 1024) }, { after: 'big' });

const frameOf = (value: unknown) => {
  const data = typeof value === 'string' ? value : JSON.stringify(value);
  return `event: chunk\n${data
    .split('\n')
    .map((line) => (line === '' ? 'data:' : `data: ${line}`))
    .join('\n')}\n\n`;
};

it('keeps every chunk it handed out intact while it encodes the next ones', async () => {
  const module = {
    serverActions: {
      many: defineAction(async () =>
        (async function* () {
          yield* values;
        })(),
      ),
    },
  };
  const app = new Hono().post(
    '/__actions',
    actionsHandler({ '/src/pages/many.server.ts': module }, { root: '/src/pages' }),
  );
  const response = await app.request('/__actions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ module: 'many', action: 'many', payload: {} }),
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  for (let step = await reader.read(); !step.done; step = await reader.read()) chunks.push(step.value);
  // Decoded only now, after the whole stream was encoded: each chunk is whole frames.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const texts = chunks.map((chunk) => decoder.decode(chunk));
  expect(texts.every((text) => text.endsWith('\n\n'))).toBe(true);
  expect(texts.join('')).toBe(`${values.map(frameOf).join('')}event: end\ndata:\n\n`);
});
