// /__actions against a hand-written Hono route doing the same JSON decode, call and encode, and the
// cost of three no-op middleware layers: autocannon on 127.0.0.1, all in the same run, interleaved
// over several rounds so a busy moment of the machine hits every variant alike.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROUNDS = 15;
const SECONDS = 2;
const run = promisify(execFile);
const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
// Two cores: the server on one, the load generator on the other, so they do not take turns on both.
const pinned = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const onCore = (core: number, command: string[]) => (pinned ? ['taskset', '-c', String(core), ...command] : command);
const CONNECTIONS = 10;
const body = JSON.stringify({ module: 'calc', action: 'add', payload: { a: 1, b: 2 } });

async function startServer(): Promise<{ port: number; stop(): void }> {
  const [command, ...args] = onCore(0, [process.execPath, join(import.meta.dirname, 'server', 'serve.ts')]);
  const child = spawn(command as string, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (data: Buffer) => resolve(Number(data.toString().trim())));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { port, stop: () => child.kill() };
}

async function load(url: string, seconds = SECONDS): Promise<number> {
  const [command, ...args] = onCore(1, [
    process.execPath,
    autocannonCli,
    '--json',
    '-c',
    String(CONNECTIONS),
    '-d',
    String(seconds),
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-b',
    body,
    url,
  ]);
  const { stdout } = await run(command as string, args, { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as { non2xx: number; errors: number; requests: { average: number } };
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export async function runServerBench(): Promise<boolean> {
  const server = await startServer();
  const base = `http://127.0.0.1:${server.port}`;
  const variants = { hand: `${base}/hand`, actions: `${base}/__actions`, layered: `${base}/layered/__actions` };
  const names = Object.keys(variants) as (keyof typeof variants)[];
  const samples: Record<keyof typeof variants, number[]> = { hand: [], actions: [], layered: [] };
  // Ratios are taken within a round, where the three ran back to back: drift between rounds cancels.
  const ratios: number[] = [];
  const costs: number[] = [];
  try {
    // Warm-up: the JIT settles each route before anything counts.
    for (const url of Object.values(variants)) await load(url, 4);
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order, so no variant always runs first or last.
      const order = names.map((_, i) => names[(i + round) % names.length] as keyof typeof variants);
      const rps = {} as Record<keyof typeof variants, number>;
      for (const name of order) {
        rps[name] = await load(variants[name]);
        samples[name].push(rps[name]);
      }
      ratios.push(rps.actions / rps.hand);
      costs.push(1 - rps.layered / rps.actions);
    }
  } finally {
    server.stop();
  }
  const ratio = median(ratios);
  const cost = median(costs);
  console.log(
    `\n/__actions vs a hand-written Hono route (autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds x ${SECONDS} s, order rotated${pinned ? ', server and load on separate cores' : ''}; medians of per-round ratios)`,
  );
  console.log(`hand-written route      ${median(samples.hand).toFixed(0).padStart(7)} req/s`);
  console.log(
    `/__actions              ${median(samples.actions).toFixed(0).padStart(7)} req/s   ratio ${ratio.toFixed(3)} (rounds ${ratios.map((r) => r.toFixed(2)).join(' ')})   target >= 0.85 ${ratio >= 0.85 ? 'ok' : 'UNDER'}`,
  );
  console.log(
    `  + 3 no-op layers      ${median(samples.layered).toFixed(0).padStart(7)} req/s   cost ${(cost * 100).toFixed(1)}%   target <= 10% ${cost <= 0.1 ? 'ok' : 'OVER'}`,
  );
  return ratio >= 0.85 && cost <= 0.1;
}
