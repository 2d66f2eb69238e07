// What the plugin adds to a production Vite build of the example app: the same build with a plugin
// that has the same filter and order but returns null for every file, interleaved, median of 5 each.
import { mkdtempSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin, type PluginOption } from 'vite';
import hpaVite from '../unplugin/vite.ts';
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
  await timeBuild(nullPlugin());
  await timeBuild(hpaVite({ root: 'src/pages' }));
  const withPlugin: number[] = [];
  const withNull: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    withNull.push(await timeBuild(nullPlugin()));
    withPlugin.push(await timeBuild(hpaVite({ root: 'src/pages' })));
  }
  const cost = median(withPlugin) / median(withNull) - 1;
  console.log(`\nThe plugin in a production Vite build of the example app (median of ${RUNS} each, interleaved)`);
  console.log(`null plugin             ${median(withNull).toFixed(0).padStart(6)} ms`);
  console.log(
    `hono-preact-actions     ${median(withPlugin).toFixed(0).padStart(6)} ms   cost ${(cost * 100).toFixed(1)}%   target <= 10% ${cost <= 0.1 ? 'ok' : 'OVER'}`,
  );
  return cost <= 0.1;
}
