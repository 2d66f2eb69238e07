// The client's weight, built as a production bundler builds an app: esbuild bundles and minifies with
// process.env.NODE_ENV = "production" (so developer messages drop out), Preact stays external, and the
// output is gzipped at level 9. Two lines carry goals: what a page with a loader ships, and that plus the
// page layer's router (a total, not a difference). Then every entry point of the package a client can
// import, whole, so nothing hides behind the two selections; and which modules the second line is made of.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
const KB = 1024;
const RUNTIME_GOAL = 2.5 * KB;
const WITH_PAGES_GOAL = 4.5 * KB;
const EXTERNAL = ['preact', 'preact/*', 'devalue'];

interface Size {
  min: number;
  gz: number;
  /** Bytes each source module puts in the minified output. */
  modules: Record<string, number>;
}

async function sizeOf(contents: string, external = EXTERNAL): Promise<Size> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    write: false,
    external,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const output = Object.values((result.metafile as Metafile).outputs)[0];
  const modules = Object.fromEntries(
    Object.entries(output?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path, input]) => [path, input.bytesInOutput]),
  );
  return { min: code.byteLength, gz: gzipSync(code, { level: 9 }).byteLength, modules };
}

/** The package's entry points a browser can load: every export under dist/runtime but the server's. */
function clientEntries(): { name: string; source: string }[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { default?: string }>;
  };
  return Object.entries(pkg.exports).flatMap(([subpath, target]) => {
    const file = typeof target === 'string' ? target : target.default;
    if (!file?.startsWith('./dist/runtime/') || file.startsWith('./dist/runtime/server/')) return [];
    const source = `./${file.slice('./dist/'.length).replace(/\.js$/, '.ts')}`;
    return [{ name: `${pkg.name}${subpath.slice(1)}`, source }];
  });
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;
const row = (label: string, size: Pick<Size, 'min' | 'gz'>, note = '') =>
  console.log(`${label.padEnd(48)} ${kb(size.min).padStart(9)} min ${kb(size.gz).padStart(8)} gz   ${note}`);
const verdict = (bytes: number, goal: number) => `goal <= ${kb(goal)} ${bytes <= goal ? 'ok' : 'OVER'}`;

export async function runClientSizeBench(): Promise<boolean> {
  const runtimeImports = `import { useAction, Form, createCache, getLoaderData } from './runtime/index.ts';`;
  const runtime = await sizeOf(`${runtimeImports} export { useAction, Form, createCache, getLoaderData };`);
  const withPages = await sizeOf(
    `${runtimeImports} import { Routes, Link, definePage, defineRoutes } from './runtime/page/index.ts';
     export { useAction, Form, createCache, getLoaderData, Routes, Link, definePage, defineRoutes };`,
  );
  const preact = await sizeOf(`export * from 'preact'; export * from 'preact/hooks';`, []);
  // devalue is imported on demand (a payload or result JSON cannot carry): bundlers give it a chunk of
  // its own that pages load only then.
  const devalue = await sizeOf(`export { parse, stringify } from 'devalue';`, []);

  console.log('\nClient size (esbuild bundle + minify, process.env.NODE_ENV = "production", preact external; gzip -9)');
  row('preact + preact/hooks (for scale)', preact);
  row('useAction, Form, createCache, getLoaderData', runtime, verdict(runtime.gz, RUNTIME_GOAL));
  row(
    '  + Routes, Link, definePage, defineRoutes',
    withPages,
    `${verdict(withPages.gz, WITH_PAGES_GOAL)} (total; +${kb(withPages.gz - runtime.gz)} gz on the line above)`,
  );
  for (const entry of clientEntries()) {
    row(`${entry.name} (every export)`, await sizeOf(`export * from '${entry.source}';`));
  }
  row('devalue (on demand)', devalue, 'loaded only for rich values');
  const modules = Object.entries(withPages.modules)
    .sort(([, a], [, b]) => b - a)
    .map(([path, bytes]) => `${relative('runtime', path)} ${bytes}`);
  console.log(`  the router line's minified bytes by module: ${modules.join(', ')}`);
  return runtime.gz <= RUNTIME_GOAL && withPages.gz <= WITH_PAGES_GOAL;
}
