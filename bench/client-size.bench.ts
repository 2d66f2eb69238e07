// The client's weight, built as a production bundler builds an app: esbuild bundles (splitting what is
// imported on demand into chunks of its own) and minifies with process.env.NODE_ENV = "production" (so
// developer messages drop out), Preact stays external, and each file is gzipped at level 9. Two lines
// carry goals: what a page with a loader loads up front, and that plus the page layer's router (a total,
// not a difference). Then every entry point of the package a client can import, whole, so nothing hides
// behind the two selections; the chunks loaded only on demand, each on its own line; and which modules
// the second line is made of.
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
}

interface Bundle extends Size {
  /** Bytes each source module puts in the files loaded up front. */
  modules: Record<string, number>;
  /** The chunks a page loads only when it needs them (a dynamic import), by the modules they hold. */
  onDemand: { modules: string[]; size: Size }[];
}

async function sizeOf(contents: string, external = EXTERNAL): Promise<Bundle> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    splitting: true,
    outdir: 'out',
    minify: true,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    write: false,
    external,
    logLevel: 'silent',
  });
  const outputs = (result.metafile as Metafile).outputs;
  const files = new Map(result.outputFiles.map((file) => [relative(ROOT, file.path), file.contents]));
  const sizeOfFile = (path: string): Size => {
    const code = files.get(path) ?? new Uint8Array();
    return { min: code.byteLength, gz: gzipSync(code, { level: 9 }).byteLength };
  };
  // Up front: the entry and every chunk it imports statically, each file gzipped on its own as served.
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint !== undefined) ?? '';
  const upFront = new Set<string>();
  const visit = (path: string) => {
    if (upFront.has(path) || !outputs[path]) return;
    upFront.add(path);
    for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  const sizes = [...upFront].map(sizeOfFile);
  const modules = Object.fromEntries(
    [...upFront].flatMap((path) =>
      Object.entries(outputs[path]?.inputs ?? {})
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([module, input]) => [module, input.bytesInOutput]),
    ),
  );
  const onDemand = Object.keys(outputs)
    .filter((path) => path.endsWith('.js') && !upFront.has(path))
    .map((path) => ({ modules: Object.keys(outputs[path]?.inputs ?? {}), size: sizeOfFile(path) }));
  return {
    min: sizes.reduce((sum, size) => sum + size.min, 0),
    gz: sizes.reduce((sum, size) => sum + size.gz, 0),
    modules,
    onDemand,
  };
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
const row = (label: string, size: Size, note = '') =>
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
  // Our own chunks a page loads only when a call needs them; withPages holds every one line 1 has.
  for (const chunk of withPages.onDemand) {
    const label = chunk.modules.map((module) => relative('runtime', module)).join(', ');
    row(`  ${label} (on demand)`, chunk.size);
  }
  const modules = Object.entries(withPages.modules)
    .sort(([, a], [, b]) => b - a)
    .map(([path, bytes]) => `${relative('runtime', path)} ${bytes}`);
  console.log(`  the router line's minified bytes by module: ${modules.join(', ')}`);
  return runtime.gz <= RUNTIME_GOAL && withPages.gz <= WITH_PAGES_GOAL;
}
