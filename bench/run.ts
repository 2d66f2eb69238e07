// `npm run bench`: every benchmark, each printing ratios against a floor or a peer measured in the
// same run. Exits non-zero when a ratio misses its target, so a regression is visible in a script.
import { runClientSizeBench } from './client-size.bench.ts';
import { runCompileBench } from './compile.bench.ts';
import { runDevBench } from './dev.bench.ts';
import { runFloorBench } from './floor.bench.ts';
import { runPluginBench } from './plugin.bench.ts';
import { runServerBench } from './server.bench.ts';

const only = process.argv[2];
const results: boolean[] = [];
if (!only || only === 'compile') results.push(runCompileBench());
if (!only || only === 'floor') results.push(await runFloorBench());
if (!only || only === 'server') results.push(await runServerBench());
if (!only || only === 'plugin') results.push(await runPluginBench());
if (!only || only === 'dev') results.push(await runDevBench());
if (!only || only === 'size') results.push(await runClientSizeBench());
if (results.some((ok) => !ok)) {
  console.log('\nsome ratios missed their targets');
  process.exitCode = 1;
}
