// What the plugin costs a production Vite build of the example app. The direct figure: the time our
// hooks take, as a share of our build's time (median of 5). Beside it, the same build with a plugin that
// has the same filter and order but returns null for every file, interleaved: that build is not lighter
// than ours but heavier (the server modules and what they import go into the client bundle as source),
// so the comparison shows what the compiler saves the bundler, not what it costs.
import { mkdtempSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin, type PluginOption } from 'vite';
import hpaVite from '../unplugin/vite.ts';
import { timedHooks } from './timed-hooks.ts';
import { resolveOptions } from '../unplugin/options.ts';

const APP = resolve(import.meta.dirname, '..', 'example');
const RUNS = 5;

function nullPlugin(): Plugin {
  const { include, exclude } = resolveOptions();
  return {
    name: 'null-plugin',
    enforce: 'pre',
    transform: { filter: { id: { include, exclude } }, handler: () => null },
  };
}

async function timeBuild(plugin: PluginOption): Promise<number> {
  const scratch = join(import.meta.dirname, '..', '.cache', 'bench');
  mkdirSync(scratch, { recursive: true });
  const start = performance.now();
  await build({
    root: APP,
    configFile: false,
    logLevel: 'silent',
    plugins: [plugin],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: mkdtempSync(join(scratch, 'vite-')),
      emptyOutDir: true,
      sourcemap: true,
      rollupOptions: { input: join(APP, 'src', 'client.tsx') },
    },
  });
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export async function runPluginBench(): Promise<boolean> {
  const spent = { ms: 0 };
  await timeBuild(nullPlugin());
  await timeBuild(hpaVite({ root: 'src/pages' }));
  const withPlugin: number[] = [];
  const withNull: number[] = [];
  const shares: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    withNull.push(await timeBuild(nullPlugin()));
    spent.ms = 0;
    const took = await timeBuild(timedHooks(hpaVite({ root: 'src/pages' }), spent));
    withPlugin.push(took);
    shares.push(spent.ms / took);
  }
  const share = median(shares);
  const difference = median(withPlugin) / median(withNull) - 1;
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  console.log(`\nThe plugin in a production Vite build of the example app (median of ${RUNS} each, interleaved)`);
  console.log(
    `our hooks' share of our build      ${percent(share).padStart(7)}   goal <= 10% ${share <= 0.1 ? 'ok' : 'OVER'}`,
  );
  console.log(
    `build: ours ${median(withPlugin).toFixed(0)} ms, null plugin ${median(withNull).toFixed(0)} ms (${percent(difference)}; the null build bundles the server modules as source)`,
  );
  return share <= 0.1;
}
