// `npm run fuzz`: the compiler's and the request decoders' property tests for many more cases than
// `npm test` runs.
// FUZZ_RUNS (default 5,000 per property) and FUZZ_SEED (default: random) set the run; both are printed.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { properties } from '../tests/property/check.ts';
import { decoderProperties } from '../tests/property/decoders.ts';

const numRuns = Number(process.env.FUZZ_RUNS ?? 5000);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
// A collection before and after each property, so the heap figure is what the run kept, not garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
let failed = false;
const all: Record<string, fc.IProperty<never> | fc.IAsyncProperty<never>> = { ...properties, ...decoderProperties };
for (const [name, property] of Object.entries(all)) {
  const started = performance.now();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const details = await fc.check(property, { numRuns, seed });
  gc();
  const heapGrowth = ((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024).toFixed(0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (details.failed) {
    failed = true;
    console.log(`${name}: FAILED after ${details.numRuns} cases (seed ${seed}, path ${details.counterexamplePath})`);
    console.log(String(details.errorInstance));
  } else {
    console.log(`${name}: ${details.numRuns} cases passed in ${seconds} s (seed ${seed}, heap grew ${heapGrowth} MB)`);
  }
}
process.exitCode = failed ? 1 : 0;
