// The client runtime's weight: everything a page imports from the package for useAction, <Form>,
// stubs, streaming and invalidation, bundled and minified by esbuild with Preact left external,
// then gzipped; printed next to Preact's own (preact + preact/hooks) measured the same way.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const LIMIT = 2.5 * 1024;

async function gzippedSize(contents: string, external: string[]): Promise<{ min: number; gz: number }> {
  const result = await build({
    stdin: { contents, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: code.byteLength, gz: gzipSync(code, { level: 9 }).byteLength };
}

export async function runClientSizeBench(): Promise<boolean> {
  // devalue is imported on demand (a payload or result JSON cannot carry): bundlers give it a chunk of
  // its own that pages load only then, so it is measured on its own line.
  const runtime = await gzippedSize(
    `import { useAction, Form, createCache, ActionCallError } from '../runtime/index.ts';
     export { useAction, Form, createCache, ActionCallError };`,
    ['preact', 'preact/*', 'devalue'],
  );
  const devalue = await gzippedSize(`export { parse, stringify } from 'devalue';`, []);
  // The page layer is its own entry (hono-preact-actions/page), loaded by apps that use its router; what it
  // adds to a page that already has the runtime above is measured as the difference of the two bundles.
  const withPages = await gzippedSize(
    `import { useAction, Form, createCache, ActionCallError, getLoaderData } from '../runtime/index.ts';
     import { Routes, Link, navigate, definePage, defineRoutes, render, Head } from '../runtime/page/index.ts';
     export { useAction, Form, createCache, ActionCallError, getLoaderData, Routes, Link, navigate, definePage, defineRoutes, render, Head };`,
    ['preact', 'preact/*', 'devalue'],
  );
  const preact = await gzippedSize(`export * from 'preact'; export * from 'preact/hooks';`, []);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
  console.log('\nClient runtime size (esbuild, minified, gzip -9; preact external)');
  console.log(`preact + preact/hooks   ${kb(preact.min).padStart(9)} min   ${kb(preact.gz).padStart(8)} gz`);
  console.log(
    `hono-preact-actions     ${kb(runtime.min).padStart(9)} min   ${kb(runtime.gz).padStart(8)} gz   ${(runtime.gz / preact.gz).toFixed(2)}x preact   target <= 2.50 KB ${runtime.gz <= LIMIT ? 'ok' : 'OVER'}`,
  );
  console.log(
    `+ page layer (router)   ${kb(withPages.min - runtime.min).padStart(9)} min   ${kb(withPages.gz - runtime.gz).padStart(8)} gz   <Routes>, <Link>, <Head>, definePage, defineRoutes, getLoaderData`,
  );
  console.log(
    `devalue (on demand)      ${kb(devalue.min).padStart(9)} min   ${kb(devalue.gz).padStart(8)} gz   loaded only for rich values`,
  );
  return runtime.gz <= LIMIT;
}
