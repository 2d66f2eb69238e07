// Developer messages sit in a branch on process.env.NODE_ENV: each bundler's production build drops the
// words, its development build keeps them, and a browser bundle where nothing replaced process.env (Rollup
// without a replace plugin) still runs: the error is thrown with its short message, not a ReferenceError.
// The entry is the published file (dist/, which `npm test` builds first), as a user's bundler reads it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const ROUTES = join(import.meta.dirname, '..', '..', 'dist', 'runtime', 'page', 'routes.js');
const ENTRY = `import { defineRoutes } from ${JSON.stringify(ROUTES)};\nglobalThis.misdeclare = () => defineRoutes([{ path: '/empty' }]);\n`;
const EXPLANATION = 'has neither a view nor children';
const SHORT = 'defineRoutes: /empty shows nothing';

type Mode = 'production' | 'development';

async function esbuild(mode: Mode): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: import.meta.dirname },
    bundle: true,
    minify: mode === 'production',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

async function rolldown(mode: Mode): Promise<string> {
  const { rolldown } = await import('rolldown');
  const bundle = await rolldown({
    input: 'entry',
    logLevel: 'silent',
    plugins: [virtualEntry()],
    transform: { define: { 'process.env.NODE_ENV': JSON.stringify(mode) } },
  });
  const { output } = await bundle.generate({ minify: mode === 'production' });
  return output[0].code;
}

async function vite(mode: Mode): Promise<string> {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    mode,
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    plugins: [virtualEntry()],
    build: { write: false, minify: mode === 'production', rollupOptions: { input: 'entry' } },
  });
  const [first] = Array.isArray(result) ? result : [result];
  const chunk = (first as { output: { type: string; code?: string }[] }).output.find((file) => file.type === 'chunk');
  return chunk?.code ?? '';
}

/** Rollup with a replace step (as @rollup/plugin-replace does) and none, unminified: tree-shaking alone. */
async function rollup(mode: Mode | 'unreplaced'): Promise<string> {
  const { rollup } = await import('rollup');
  const replace = {
    name: 'replace-node-env',
    transform: (code: string) => code.replaceAll('process.env.NODE_ENV', JSON.stringify(mode)),
  };
  const bundle = await rollup({
    input: 'entry',
    plugins: [virtualEntry(), ...(mode === 'unreplaced' ? [] : [replace])],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return output[0].code;
}

async function webpackLike(bundler: 'webpack' | 'rspack', mode: Mode): Promise<string> {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), `hpa-${bundler}-`));
  writeFileSync(join(dir, 'entry.js'), ENTRY);
  const { default: compilerFactory } = bundler === 'webpack' ? await import('webpack') : await import('@rspack/core');
  const factory = compilerFactory as unknown as (config: object) => {
    run(done: (error: Error | null, stats?: { hasErrors(): boolean; toString(): string }) => void): void;
  };
  await new Promise<void>((done, fail) =>
    factory({ mode, context: dir, entry: './entry.js', devtool: false, output: { path: dir } }).run((error, stats) =>
      error || stats?.hasErrors() ? fail(error ?? new Error(stats?.toString())) : done(),
    ),
  );
  return readFileSync(join(dir, 'main.js'), 'utf8');
}

function virtualEntry() {
  return {
    name: 'virtual-entry',
    resolveId: (id: string) => (id === 'entry' ? id : null),
    load: (id: string) => (id === 'entry' ? ENTRY : null),
  };
}

const BUILDERS: Record<string, (mode: Mode) => Promise<string>> = {
  esbuild,
  rolldown,
  vite,
  rollup,
  webpack: (mode) => webpackLike('webpack', mode),
  rspack: (mode) => webpackLike('rspack', mode),
};

describe.each(Object.keys(BUILDERS))('%s', (name) => {
  const builder = BUILDERS[name] as (mode: Mode) => Promise<string>;

  it('drops the explanation from a production build', async () => {
    const code = await builder('production');
    expect(code).toContain('shows nothing');
    expect(code).not.toContain(EXPLANATION);
  }, 60_000);

  it('keeps it in a development build', async () => {
    expect(await builder('development')).toContain(EXPLANATION);
  }, 60_000);
});

it('runs where nothing replaced process.env: the short message, no ReferenceError', async () => {
  const code = await rollup('unreplaced');
  // A browser's globals, without `process`.
  const browser: { misdeclare?: () => unknown } = {};
  runInNewContext(code.replace(/^export .*$/m, ''), { globalThis: browser, Error, TypeError });
  expect(() => browser.misdeclare?.()).toThrow(new Error(SHORT));
}, 60_000);

it('explains in development and tests', async () => {
  const { defineRoutes } = await import('../../runtime/page/routes.ts');
  expect(() => defineRoutes([{ path: '/empty' }])).toThrow(EXPLANATION);
});
