// The compiler's cost as a ratio to a bare @babel/parser parse of the same file, both measured here
// in the same process: median over many samples, after a warm-up, so the ratio holds on any machine.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from '@babel/parser';
import { compile } from '../compiler/index.ts';
import { countLines, largeSource, pageSource, plainPageSource, serverModuleSource } from './sources.ts';

interface Case {
  name: string;
  id: string;
  code: string;
  target: 'client' | 'server';
  /** Highest acceptable compile/parse ratio. */
  limit: number;
}

const ROOT = '/project/src/pages';

export const cases: Case[] = [
  { name: 'page (changes)', id: `${ROOT}/movies.tsx`, code: pageSource(180), target: 'client', limit: 1.5 },
  {
    name: 'server module (stub)',
    id: `${ROOT}/movies.server.ts`,
    code: serverModuleSource(300),
    target: 'client',
    limit: 1.5,
  },
  { name: 'large file (changes)', id: `${ROOT}/catalog.tsx`, code: largeSource(3000), target: 'client', limit: 1.5 },
  {
    name: 'page (pre-check skips)',
    id: `${ROOT}/about.tsx`,
    code: plainPageSource(180),
    target: 'client',
    limit: 0.02,
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

// Each sample starts with an empty young generation. Without this, parse and compile alternate in a
// fixed rhythm against the nursery's fill level, and on the 3,000-line file the scavenges that copy a
// half-built AST locked onto one side or the other for a whole run: the ratio flipped between ~1.0x and
// ~1.6x from run to run. A minor GC keeps compiled code and feedback (a full one would flush them, and
// measure cold code); the scavenges a sample's own allocations cause still count against it.
setFlagsFromString('--expose-gc');
const emptyNursery = runInNewContext('() => gc({ type: "minor" })') as () => void;

function timeBatch(fn: () => unknown, batch: number): number {
  emptyNursery();
  const start = performance.now();
  for (let i = 0; i < batch; i++) fn();
  return (performance.now() - start) / batch;
}

/**
 * Pairs a batch of parses with a batch of compiles, back to back, many times: the median of the
 * per-pair ratios is immune to the drift (JIT, GC, a busy neighbour) that separate runs would see.
 */
function measurePairs(parseOnce: () => unknown, compileOnce: () => unknown, pairs: number, batch: number) {
  for (let i = 0; i < batch * 10; i++) {
    parseOnce();
    compileOnce();
  }
  const parseTimes: number[] = [];
  const compileTimes: number[] = [];
  const ratios: number[] = [];
  for (let p = 0; p < pairs; p++) {
    const parseMs = timeBatch(parseOnce, batch);
    const compileMs = timeBatch(compileOnce, batch);
    parseTimes.push(parseMs);
    compileTimes.push(compileMs);
    ratios.push(compileMs / parseMs);
  }
  return { parseMs: median(parseTimes), compileMs: median(compileTimes), ratio: median(ratios) };
}

export function runCompileBench(): boolean {
  console.log(
    'compile vs a bare @babel/parser parse (median of paired samples, one process; each sample one parse and one compile)',
  );
  console.log('case                     lines   parse ms  compile ms   ratio  target');
  let ok = true;
  for (const c of cases) {
    const plugins = c.id.endsWith('.tsx') ? (['typescript', 'jsx'] as const) : (['typescript'] as const);
    const result = compile(c.code, { id: c.id, target: c.target, root: ROOT });
    const expectChange = c.limit > 1;
    if ((result !== null) !== expectChange)
      throw new Error(`${c.name}: expected ${expectChange ? 'a change' : 'null'}`);
    const lines = countLines(c.code);
    const { parseMs, compileMs, ratio } = measurePairs(
      () => parse(c.code, { sourceType: 'module', plugins: [...plugins] }),
      () => compile(c.code, { id: c.id, target: c.target, root: ROOT }),
      lines > 1000 ? 201 : 2001,
      1,
    );
    const within = ratio <= c.limit;
    ok &&= within;
    console.log(
      `${c.name.padEnd(24)} ${String(lines).padStart(5)} ${parseMs.toFixed(3).padStart(10)} ${compileMs.toFixed(3).padStart(11)} ${ratio.toFixed(3).padStart(7)}x  <= ${c.limit}x ${within ? 'ok' : 'OVER'}`,
    );
  }
  return ok;
}
