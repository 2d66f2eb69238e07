// `npm run soak`: 20,000 mixed calls from 50 concurrent clients against a server on 127.0.0.1 (JSON,
// multipart, urlencoded and multipart forms, forms posted to a page without JavaScript, streams of which
// a tenth are aborted midway, guards that deny, loader calls, and hostile bodies: field floods, deep
// nesting, devalue that describes billions of values, forbidden keys). Meanwhile one probe makes a plain
// call every 50 ms. Then the figures: calls served, answers by code, the probe's times against its own
// before the soak, heap and handles before and after, every abort observed once, no unhandled rejection.
// Exits non-zero when one of those does not hold.
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

const MB = 1024 * 1024;
const hostileBodies: { path: string; contentType: string; body: string }[] = [
  {
    path: '/__actions?module=hostile&action=echo',
    contentType: 'application/x-www-form-urlencoded',
    body: 'a&'.repeat(MB / 2),
  },
  {
    path: '/__actions?module=hostile&action=upload',
    contentType: 'application/x-www-form-urlencoded',
    body: 'a&'.repeat(MB),
  },
  {
    path: '/__actions',
    contentType: 'application/json',
    body: `{"module":"hostile","action":"echo","payload":${'['.repeat(MB / 4)}${']'.repeat(MB / 4)}}`,
  },
  {
    path: '/__actions',
    contentType: 'application/json',
    body: JSON.stringify({ module: 'hostile', action: 'echo', devalue: '[[-7,4294967295,0,1],"x"]' }),
  },
  {
    path: '/__actions',
    contentType: 'multipart/form-data; boundary=soak',
    body: `--soak\r\nContent-Disposition: form-data; name="__hpa"\r\n\r\n${JSON.stringify({ module: 'hostile', action: 'echo', devalue: '[[-7,4294967295,0,1],"x"]' })}\r\n--soak--\r\n`,
  },
  {
    path: '/__actions',
    contentType: 'application/json',
    body: '{"module":"hostile","action":"echo","payload":{"\\u005f_proto__":{"polluted":1}}}',
  },
  {
    path: '/page?module=hostile&action=echo',
    contentType: 'application/x-www-form-urlencoded',
    body: 'a&'.repeat(MB / 2),
  },
];
let hostileSent = 0;

async function call(index: number): Promise<void> {
  switch (index % 14) {
    case 10:
      return record(
        await fetch(`${base}/__actions?module=hostile&action=echo`, {
          method: 'POST',
          body: new URLSearchParams({ title: `t${index}`, year: '1965' }),
        }),
      );
    case 11: {
      const form = new FormData();
      form.set('title', `t${index}`);
      form.set('poster', new File([new Uint8Array(512)], 'p.png', { type: 'image/png' }));
      return record(await fetch(`${base}/__actions?module=hostile&action=echo`, { method: 'POST', body: form }));
    }
    case 12: {
      // A form posted to its page without JavaScript: 303 back, the answer in a cookie.
      const response = await fetch(`${base}/page?module=hostile&action=echo`, {
        method: 'POST',
        body: new URLSearchParams({ title: `t${index}` }),
        redirect: 'manual',
      });
      await response.arrayBuffer();
      count(
        response.status === 303 && response.headers.get('set-cookie')?.includes('hpa-result=')
          ? 'page post 303'
          : `page post ${response.status}`,
      );
      return;
    }
    case 13: {
      const hostile = hostileBodies[hostileSent++ % hostileBodies.length] as (typeof hostileBodies)[number];
      const response = await fetch(`${base}${hostile.path}`, {
        method: 'POST',
        headers: { 'content-type': hostile.contentType },
        body: hostile.body,
        redirect: 'manual',
      });
      const body = response.status === 303 ? null : await response.json().catch(() => null);
      if (response.status === 303) await response.arrayBuffer();
      count(`hostile ${response.status} ${body?.error?.reason ?? ''}`.trimEnd());
      return;
    }
  }
  switch (index % 14) {
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

/** One plain call every 50 ms on its own connection, timed: what a normal user sees while the soak runs. */
async function probe(signal: { stop: boolean }): Promise<number[]> {
  const times: number[] = [];
  while (!signal.stop) {
    const started = performance.now();
    const response = await json('/__actions', { module: 'movies', action: 'echo', payload: { probe: true } });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return times;
}
const percentile = (times: number[], p: number) =>
  [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0;

// Longer than a refusal's drain (at most 2 s, drain-body.ts), so connections compare like for like.
const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));
const quiet = { stop: false };
const quietTimes = probe(quiet);
await new Promise((resolve) => setTimeout(resolve, 2000));
quiet.stop = true;
const usual = await quietTimes;
const before = await stats();
const busy = { stop: false };
const busyTimes = probe(busy);
const started = performance.now();
// Halfway, the warm-up (JIT code, caches) is done: a leak shows as growth in the second half.
await callRange(0, CALLS / 2);
await settle();
const halfway = await stats();
await callRange(CALLS / 2, CALLS);
const seconds = (performance.now() - started) / 1000;
busy.stop = true;
const during = await busyTimes;
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
  `open handles:       before ${before.handles} ${JSON.stringify(before.resources)}, halfway ${halfway.handles}, after ${after.handles} ${JSON.stringify(after.resources)}`,
);
console.log(
  `streams aborted:    ${aborted}; onAbort fired ${after.observedAborts}; producers saw the abort ${after.producerAborts}`,
);
console.log(`unhandled rejections: ${after.unhandled}`);
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(
  `normal calls (probe): before the soak p50 ${ms(percentile(usual, 0.5))}, p99 ${ms(percentile(usual, 0.99))}; ` +
    `during it (${during.length} calls, hostile bodies included) p50 ${ms(percentile(during, 0.5))}, ` +
    `p99 ${ms(percentile(during, 0.99))}, slowest ${ms(Math.max(...during))}`,
);

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
  // 50 clients share the server with the probe, so it is slower than alone; a stalled event loop (a
  // decoder that is not linear) would hold it for seconds.
  Math.max(...during) > 2000 && 'a normal call waited more than 2 s: the server stalled',
].filter(Boolean);
console.log(problems.length === 0 ? 'soak: nothing lost' : `soak: ${problems.join('; ')}`);
process.exitCode = problems.length === 0 ? 0 : 1;
