// `npm run fuzz`: the compiler's property tests for many more cases than `npm test` runs.
// FUZZ_RUNS (default 5,000 per property) and FUZZ_SEED (default: random) set the run; both are printed.
import fc from 'fast-check';
import { properties } from '../tests/property/check.ts';

const numRuns = Number(process.env.FUZZ_RUNS ?? 5000);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
let failed = false;
for (const [name, property] of Object.entries(properties)) {
  const started = performance.now();
  const details = fc.check(property, { numRuns, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (details.failed) {
    failed = true;
    console.log(`${name}: FAILED after ${details.numRuns} cases (seed ${seed}, path ${details.counterexamplePath})`);
    console.log(String(details.errorInstance));
  } else {
    console.log(`${name}: ${details.numRuns} cases passed in ${seconds} s (seed ${seed})`);
  }
}
process.exitCode = failed ? 1 : 0;
