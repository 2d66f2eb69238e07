// `npm run soak`: 20,000 mixed calls from 50 concurrent clients against a server on 127.0.0.1 (JSON,
// multipart, streams of which a tenth are aborted midway, guards that deny, loader calls). Then the
// figures: calls served, answers by code, heap and handles before and after, every abort observed once,
// no unhandled rejection. Exits non-zero when one of those does not hold.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const CALLS = Number(process.env.SOAK_CALLS ?? 20_000);
const CONCURRENCY = 50;

const child = spawn(process.execPath, ['--expose-gc', join(import.meta.dirname, 'server.ts')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const port = await new Promise<number>((resolve) =>
  child.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
);
const base = `http://127.0.0.1:${port}`;

interface Stats {
  heapUsed: number;
  handles: number;
  resources: Record<string, number>;
  observedAborts: number;
  producerAborts: number;
  unhandled: number;
}
const stats = async (): Promise<Stats> => (await fetch(`${base}/__soak`)).json();

const answers = new Map<string, number>();
const count = (key: string) => answers.set(key, (answers.get(key) ?? 0) + 1);
let streams = 0;
let aborted = 0;

const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function record(response: Response): Promise<void> {
  const body = await response.json().catch(() => null);
  count(response.ok ? `${response.status}` : `${response.status} ${body?.error?.code ?? '?'}`);
}

async function call(index: number): Promise<void> {
  switch (index % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
      return record(
        await json('/__actions', { module: 'movies', action: 'echo', payload: { index, tags: ['a', 'b'], n: 1.5 } }),
      );
    case 4:
    case 5: {
      const form = new FormData();
      form.set('__hpa', JSON.stringify({ module: 'movies', action: 'upload', payload: { poster: { __hpa_file: 0 } } }));
      form.set(
        '__hpa_file_0',
        new File([new Uint8Array(1024).fill(index % 256)], `p${index}.png`, { type: 'image/png' }),
      );
      // A browser sends Origin with a multipart post; without it (or Sec-Fetch-Site) a form type is refused.
      return record(
        await fetch(`${base}/__actions?module=movies&action=upload`, {
          method: 'POST',
          headers: { origin: base },
          body: form,
        }),
      );
    }
    case 6:
    case 7: {
      const abortThis = streams++ % 10 === 0;
      if (!abortThis) {
        const response = await json('/__actions', { module: 'movies', action: 'countTo', payload: { to: 5 } });
        const text = await response.text();
        count(text.endsWith('event: end\ndata:\n\n') ? 'stream completed' : 'stream broken');
        return;
      }
      const controller = new AbortController();
      const response = await fetch(`${base}/__actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ module: 'movies', action: 'forever' }),
        signal: controller.signal,
      });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      await reader.read();
      controller.abort();
      await reader.read().catch(() => {});
      aborted++;
      count('stream aborted midway');
      return;
    }
    case 8:
      return record(await json('/__actions', { module: 'movies', action: 'remove', payload: { title: 'x' } }));
    default:
      return record(await json('/__loaders', { module: 'chain', loader: 'default', location: { path: '/soak' } }));
  }
}

async function callRange(from: number, to: number): Promise<void> {
  let next = from;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let index = next++; index < to; index = next++) {
        await call(index).catch((error: Error) => count(`client error: ${error.name}`));
      }
    }),
  );
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));
const before = await stats();
const started = performance.now();
// Halfway, the warm-up (JIT code, caches) is done: a leak shows as growth in the second half.
await callRange(0, CALLS / 2);
await settle();
const halfway = await stats();
await callRange(CALLS / 2, CALLS);
const seconds = (performance.now() - started) / 1000;
await settle();
const after = await stats();
child.kill();

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const served = [...answers.values()].reduce((a, b) => a + b, 0);
console.log(
  `calls served: ${served} of ${CALLS} in ${seconds.toFixed(1)} s (${(served / seconds).toFixed(0)}/s, ${CONCURRENCY} clients)`,
);
console.log('answers:');
for (const [key, n] of [...answers].sort()) console.log(`  ${key.padEnd(26)} ${n}`);
console.log(
  `heap (after a GC):  before ${mb(before.heapUsed)}, halfway ${mb(halfway.heapUsed)}, after ${mb(after.heapUsed)}`,
);
console.log(
  `open handles:       before ${before.handles}, halfway ${halfway.handles}, after ${after.handles} ${JSON.stringify(after.resources)}`,
);
console.log(
  `streams aborted:    ${aborted}; onAbort fired ${after.observedAborts}; producers saw the abort ${after.producerAborts}`,
);
console.log(`unhandled rejections: ${after.unhandled}`);

const problems = [
  served !== CALLS && 'not every call was answered',
  [...answers.keys()].some((key) => key.startsWith('client error') || key === 'stream broken' || key.startsWith('5')) &&
    'some calls failed',
  after.observedAborts !== aborted && 'onAbort did not fire once per aborted stream',
  after.producerAborts !== aborted && 'a producer did not see its abort',
  after.unhandled > 0 && 'unhandled rejections were logged',
  after.heapUsed - before.heapUsed > 16 * 1024 * 1024 && 'the heap grew by more than 16 MB',
  after.heapUsed - halfway.heapUsed > 4 * 1024 * 1024 && 'the heap kept growing in the second half (more than 4 MB)',
  after.handles > before.handles + 2 && 'handles were left open',
].filter(Boolean);
console.log(problems.length === 0 ? 'soak: nothing lost' : `soak: ${problems.join('; ')}`);
process.exitCode = problems.length === 0 ? 0 : 1;
