// One build function per bundler, all building the same fixture app with the same plugin options,
// writing to a fresh folder and returning every file they wrote (code and source maps).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Target } from '../../compiler/index.ts';
import hpaEsbuild from '../../unplugin/esbuild.ts';
import hpaRolldown from '../../unplugin/rolldown.ts';
import hpaRollup from '../../unplugin/rollup.ts';
import hpaRspack from '../../unplugin/rspack.ts';
import hpaVite from '../../unplugin/vite.ts';
import hpaWebpack from '../../unplugin/webpack.ts';

export const APP = resolve(import.meta.dirname, '..', 'apps', 'movies');
export const SERVER_ROOT = join(APP, 'src', 'pages');
const SCRATCH = resolve(import.meta.dirname, '..', '..', '.cache', 'builds');

// Vite 8's special queries (asset, raw, inline, worker forms), and what users combine them into.
export const SPECIAL_QUERIES = [
  'url',
  'raw',
  'inline',
  'no-inline',
  'worker',
  'sharedworker',
  'worker&inline',
  'worker&url',
  'sharedworker&inline',
  'url&inline',
];

export type Bundler = 'vite' | 'rollup' | 'rolldown' | 'esbuild' | 'webpack' | 'rspack';
export const BUNDLERS: Bundler[] = ['vite', 'rollup', 'rolldown', 'esbuild', 'webpack', 'rspack'];

export interface BuildOutput {
  dir: string;
  files: Map<string, string>;
  /** Every JavaScript file, joined: what a marker search reads. */
  code: string;
}

export interface BuildRequest {
  entry: string;
  target: Target;
}

/** Packages stay external: the tests are about the app's own modules. */
const EXTERNAL = /^(?:preact|hono|hono-preact-actions)(?:\/|$)/;
// `@/lib/actions` re-exports the factories; `audit.ts` imports it as `./lib/actions.ts`.
export const RUNTIME_MODULES = ['@/lib/actions'];
const pluginOptions = (target: Target) => ({ target, root: SERVER_ROOT, runtimeModules: RUNTIME_MODULES });

function outDir(bundler: Bundler, target: Target): string {
  mkdirSync(SCRATCH, { recursive: true });
  return mkdtempSync(join(SCRATCH, `${bundler}-${target}-`));
}

function collect(dir: string): BuildOutput {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(path.slice(dir.length + 1), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  const code = [...files]
    .filter(([name]) => /\.[cm]?js$/.test(name))
    .map(([, text]) => text)
    .join('\n');
  return { dir, files, code };
}

/** Rollup resolves no TypeScript paths by itself: `@/`, extensionless and `.js`-for-`.ts` imports, as the others do. */
function resolveLikeTypeScript() {
  const candidates = (base: string) =>
    base.endsWith('.js')
      ? [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base]
      : [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, join(base, 'index.ts')];
  return {
    name: 'resolve-like-typescript',
    resolveId(source: string, importer: string | undefined) {
      if (EXTERNAL.test(source)) return { id: source, external: true };
      const base = source.startsWith('@/')
        ? join(APP, 'src', source.slice(2))
        : source.startsWith('.') && importer
          ? resolve(dirname(importer), source)
          : null;
      return base ? (candidates(base).find((path) => existsSync(path) && statSync(path).isFile()) ?? null) : null;
    },
  };
}

/** Text with every base64 data: URL decoded beside it: an inlined asset or worker must be searched too. */
export function withDataUrlsDecoded(text: string): string {
  const decoded = [...text.matchAll(/data:[\w/+.-]*(?:;[\w=-]+)*;base64,([A-Za-z0-9+/=]+)/g)].map((match) =>
    Buffer.from(match[1] as string, 'base64').toString('utf8'),
  );
  return [text, ...decoded].join('\n');
}

export async function build(bundler: Bundler, request: BuildRequest): Promise<BuildOutput> {
  const dir = outDir(bundler, request.target);
  const entry = join(APP, request.entry);
  switch (bundler) {
    case 'vite': {
      const { build: viteBuild } = await import('vite');
      await viteBuild({
        root: APP,
        configFile: false,
        logLevel: 'silent',
        plugins: [hpaVite(pluginOptions(request.target))],
        resolve: { alias: { '@': join(APP, 'src') } },
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        build: {
          outDir: dir,
          emptyOutDir: true,
          minify: false,
          sourcemap: true,
          ...(request.target === 'server' ? { ssr: entry } : {}),
          rollupOptions: { input: entry, external: (id: string) => EXTERNAL.test(id) },
        },
      });
      break;
    }
    case 'rollup': {
      const { rollup } = await import('rollup');
      const { default: esbuildPlugin } = await import('rollup-plugin-esbuild');
      const bundle = await rollup({
        input: entry,
        onwarn: () => {},
        plugins: [
          resolveLikeTypeScript(),
          hpaRollup(pluginOptions(request.target)),
          esbuildPlugin({ jsx: 'automatic', jsxImportSource: 'preact' }),
        ],
      });
      await bundle.write({ dir, format: 'es', sourcemap: true });
      await bundle.close();
      break;
    }
    case 'rolldown': {
      const { rolldown } = await import('rolldown');
      const bundle = await rolldown({
        input: entry,
        cwd: APP,
        logLevel: 'silent',
        external: EXTERNAL,
        plugins: [hpaRolldown(pluginOptions(request.target))],
        resolve: { alias: { '@': join(APP, 'src') }, extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
        transform: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      });
      await bundle.write({ dir, format: 'es', sourcemap: true });
      await bundle.close();
      break;
    }
    case 'esbuild': {
      const esbuild = await import('esbuild');
      await esbuild.build({
        entryPoints: [entry],
        absWorkingDir: APP,
        bundle: true,
        splitting: true,
        format: 'esm',
        outdir: dir,
        sourcemap: true,
        logLevel: 'silent',
        jsx: 'automatic',
        jsxImportSource: 'preact',
        external: ['preact', 'preact/*', 'hono', 'hono/*', 'hono-preact-actions', 'hono-preact-actions/*'],
        plugins: [hpaEsbuild(pluginOptions(request.target))],
      });
      break;
    }
    case 'webpack':
    case 'rspack':
      await webpackLike(bundler, entry, dir, request.target);
      break;
  }
  return collect(dir);
}

async function webpackLike(bundler: 'webpack' | 'rspack', entry: string, dir: string, target: Target) {
  const rule =
    bundler === 'webpack'
      ? {
          test: /\.[jt]sx?$/,
          loader: 'esbuild-loader',
          // es2022 keeps `import.meta.url`, so webpack sees `new Worker(new URL(…, import.meta.url))`.
          options: { loader: 'tsx', jsx: 'automatic', jsxImportSource: 'preact', target: 'es2022' },
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
    mode: 'none' as const,
    context: APP,
    entry,
    devtool: 'source-map' as const,
    output: { path: dir, filename: 'main.js', module: true, chunkFormat: 'module' as const },
    experiments: { outputModule: true },
    externalsType: 'module' as const,
    externals: [
      ({ request }: { request?: string }, callback: (error?: Error, result?: string) => void) =>
        request && EXTERNAL.test(request) ? callback(undefined, request) : callback(),
    ],
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      alias: { '@': join(APP, 'src') },
    },
    // As users configure webpack and rspack for Vite-style `?raw` and `?url` imports.
    module: {
      rules: [
        { ...rule, resourceQuery: { not: [/[?&](?:raw|url)\b/] } },
        { resourceQuery: /[?&]raw\b/, type: 'asset/source' },
        { resourceQuery: /[?&]url\b/, type: 'asset/resource' },
      ],
    },
    plugins: [bundler === 'webpack' ? hpaWebpack(pluginOptions(target)) : hpaRspack(pluginOptions(target))],
  };
  const { default: compilerFactory } = bundler === 'webpack' ? await import('webpack') : await import('@rspack/core');
  await new Promise<void>((done, fail) => {
    (
      compilerFactory as unknown as (config: unknown) => {
        run(cb: (error: Error | null, stats?: { hasErrors(): boolean; toString(o: unknown): string }) => void): void;
        close(cb: () => void): void;
      }
    )(config).run((error, stats) => {
      if (error) return fail(error);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true, errorDetails: false })));
      done();
    });
  });
}
