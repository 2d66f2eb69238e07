// Copied into the consumer app and run there with plain `node`: builds the app's browser entry with each
// bundler's entry of the installed package, as a user of that bundler would write it, into out/<bundler>/.
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const APP = process.cwd();
const ENTRY = join(APP, 'src', 'client.tsx');
const EXTERNAL = /^(?:preact|hono)(?:\/|$)/;
const out = (bundler: string) => join(APP, 'out', bundler);

async function esbuildBuild() {
  const esbuild = await import('esbuild');
  const { default: hpa } = await import('hono-preact-actions/esbuild');
  await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    outdir: out('esbuild'),
    jsx: 'automatic',
    jsxImportSource: 'preact',
    external: ['preact', 'preact/*', 'hono', 'hono/*'],
    plugins: [hpa()],
    logLevel: 'error',
  });
}

async function rollupBuild() {
  const { rollup } = await import('rollup');
  const { default: esbuildPlugin } = await import('rollup-plugin-esbuild');
  const { default: hpa } = await import('hono-preact-actions/rollup');
  const bundle = await rollup({
    input: ENTRY,
    external: (id) => EXTERNAL.test(id),
    plugins: [hpa(), esbuildPlugin({ jsx: 'automatic', jsxImportSource: 'preact' })],
    onwarn: () => {},
  });
  await bundle.write({ dir: out('rollup'), format: 'es' });
  await bundle.close();
}

async function rolldownBuild() {
  const { rolldown } = await import('rolldown');
  const { default: hpa } = await import('hono-preact-actions/rolldown');
  const bundle = await rolldown({
    input: ENTRY,
    external: EXTERNAL,
    plugins: [hpa()],
    transform: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    logLevel: 'silent',
  });
  await bundle.write({ dir: out('rolldown'), format: 'es' });
  await bundle.close();
}

async function webpackLike(bundler: 'webpack' | 'rspack') {
  const { default: hpa } =
    bundler === 'webpack' ? await import('hono-preact-actions/webpack') : await import('hono-preact-actions/rspack');
  const rule =
    bundler === 'webpack'
      ? {
          test: /\.[jt]sx?$/,
          loader: 'esbuild-loader',
          options: { loader: 'tsx', jsx: 'automatic', jsxImportSource: 'preact' },
        }
      : {
          test: /\.[jt]sx?$/,
          loader: 'builtin:swc-loader',
          options: {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              transform: { react: { runtime: 'automatic', importSource: 'preact' } },
            },
          },
        };
  const config = {
    mode: 'production',
    context: APP,
    entry: ENTRY,
    output: { path: out(bundler), filename: 'main.js', module: true, chunkFormat: 'module' },
    experiments: { outputModule: true },
    externalsType: 'module',
    externals: [
      ({ request }: { request?: string }, callback: (error?: Error, result?: string) => void) =>
        request && EXTERNAL.test(request) ? callback(undefined, request) : callback(),
    ],
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [rule] },
    plugins: [hpa()],
  };
  const { default: compilerFactory } = bundler === 'webpack' ? await import('webpack') : await import('@rspack/core');
  await new Promise<void>((done, fail) => {
    (
      compilerFactory as unknown as (config: unknown) => {
        run(cb: (e: Error | null, s?: { hasErrors(): boolean; toString(o: unknown): string }) => void): void;
      }
    )(config).run((error, stats) => {
      if (error) return fail(error);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      done();
    });
  });
}

const builds: Record<string, () => Promise<void>> = {
  esbuild: esbuildBuild,
  rollup: rollupBuild,
  rolldown: rolldownBuild,
  webpack: () => webpackLike('webpack'),
  rspack: () => webpackLike('rspack'),
};

rmSync(join(APP, 'out'), { recursive: true, force: true });
for (const name of process.argv.slice(2)) {
  await builds[name]!();
  console.log(`built ${name}`);
}
