// `npm run bench`: every benchmark, each printing ratios against a floor or a peer measured in the
// same run. Exits non-zero when a ratio misses its target, so a regression is visible in a script.
import { runCompileBench } from './compile.bench.ts';

const results = [runCompileBench()];
if (results.some((ok) => !ok)) {
  console.log('\nsome ratios missed their targets');
  process.exitCode = 1;
}
