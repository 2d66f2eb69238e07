// Every bundler builds the fixture app through the plugin. The client output holds no server code:
// no marker, no server module body, no db.ts, not even in its source maps; its stubs carry the keys
// actionsHandler computes. The server output keeps every body. Errors name file:line:col, and a
// position in each bundle maps back to its line in the page.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../runtime/server/registry.ts';
import { hashServerModules } from '../../unplugin/build-id.ts';
import { APP, BUNDLERS, type BuildOutput, build, type Bundler, SERVER_ROOT, withDataUrlsDecoded } from './builders.ts';

const MARKER = /SERVER_MARKER_\w+/g;
// The side doors' markers sit in modules whose builds must fail; every other marker is in the app.
const REFUSED_MARKERS = [
  'SERVER_MARKER_illegal',
  'SERVER_MARKER_folder_server_module',
  'SERVER_MARKER_unlisted_reexporter',
];
const ALL_MARKERS = [...new Set(collectSources(join(APP, 'src')).flatMap((text) => text.match(MARKER) ?? []))].filter(
  (marker) => !REFUSED_MARKERS.includes(marker),
);
// The bundlers that bundle `new Worker(new URL('./worker.ts', import.meta.url))` into a worker chunk.
const BUNDLES_WORKERS: Bundler[] = ['vite', 'webpack', 'rspack'];

function collectSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? collectSources(join(folder, entry.name)) : [readFileSync(join(folder, entry.name), 'utf8')],
  );
}

/** The keys actionsHandler gives the app's server modules, from a glob as Vite would spell it. */
function handlerKeys(): string[] {
  const serverModules = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? serverModules(join(folder, entry.name))
        : entry.name.endsWith('.server.ts')
          ? [`/${relative(APP, join(folder, entry.name))}`]
          : [],
    );
  const glob = Object.fromEntries(serverModules(SERVER_ROOT).map((path) => [path, {}]));
  return [...createRegistry(glob, `/${relative(APP, SERVER_ROOT)}`, 'test').keys()].sort();
}

const everyFile = (output: BuildOutput) => withDataUrlsDecoded([...output.files.values()].join('\n'));

describe.each(BUNDLERS)('%s', (bundler: Bundler) => {
  let client: BuildOutput;
  let server: BuildOutput;
  beforeAll(async () => {
    client = await build(bundler, { entry: 'src/main.tsx', target: 'client' });
    server = await build(bundler, { entry: 'src/main.tsx', target: 'server' });
  }, 60_000);

  it('leaves no server code in the client output, its source maps included', () => {
    expect(ALL_MARKERS.length).toBeGreaterThanOrEqual(6);
    expect(everyFile(client).match(MARKER)).toBeNull();
    expect(client.code).not.toMatch(/defineAction|db\.insert|db\.all|dsn/);
    const maps = [...client.files].filter(([name]) => name.endsWith('.map')).map(([, map]) => JSON.parse(map));
    const sources: { name: string; content: string | null }[] = maps.flatMap((map) =>
      map.sources.map((name: string, index: number) => ({ name, content: map.sourcesContent?.[index] ?? null })),
    );
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((source) => /server[\\/]db\.ts/.test(source.name))).toEqual([]);
    // Some bundlers name the stubbed file in the map; what they carry for it must be the stub alone.
    for (const source of sources.filter((s) => /\.server\.ts/.test(s.name))) {
      expect(source.content ?? '').toMatch(/^\/\/ Client stub of server module/);
    }
  });

  it('gives the client stubs the module keys actionsHandler uses', () => {
    const keys = handlerKeys();
    expect(keys).toEqual(['admin/movies', 'movies']);
    const stubKeys = [...new Set([...client.code.matchAll(/module:\s*"([^"]+)"/g)].map((match) => match[1]))].sort();
    expect(stubKeys).toEqual(keys);
    expect(client.code).toMatch(/action:\s*"addMovie"/);
    expect(client.code).toMatch(/action:\s*"purge"/);
  });

  it('keeps every server body in the server output', () => {
    for (const marker of ALL_MARKERS) expect(server.code).toContain(marker);
  });

  it('maps a position in the bundle back to its line in the page', () => {
    const [mapName, mapText] =
      [...client.files].find(([name, text]) => name.endsWith('.map') && text.includes('movies.tsx')) ?? [];
    if (!mapName || !mapText) throw new Error('no source map names movies.tsx');
    const bundle = client.files.get(mapName.replace(/\.map$/, '')) as string;
    const match = /add:\s*[\w$.]+\.addMovie/.exec(bundle);
    if (!match) throw new Error('page.add not found in the bundle');
    const before = bundle.slice(0, match.index).split('\n');
    const original = originalPositionFor(new TraceMap(mapText), {
      line: before.length,
      column: (before.at(-1) as string).length,
    });
    const page = readFileSync(join(SERVER_ROOT, 'movies.tsx'), 'utf8').split('\n');
    expect(original.source).toMatch(/movies\.tsx$/);
    expect(page[(original.line ?? 0) - 1]).toContain('add: serverActions.addMovie');
  });

  it('strips a middleware imported through a listed re-exporter, however the import spells it', () => {
    expect(ALL_MARKERS).toContain('SERVER_MARKER_listed_reexporter');
    expect(everyFile(client)).not.toContain('SERVER_MARKER_listed_reexporter');
    expect(server.code).toContain('SERVER_MARKER_listed_reexporter');
  });

  if (BUNDLES_WORKERS.includes(bundler)) {
    it('gives a Web Worker the stub of the server module it imports', () => {
      const worker = [...client.files].filter(([name, text]) => name.endsWith('.js') && text.includes('postMessage'));
      expect(worker.length).toBeGreaterThan(0);
      for (const [, text] of worker) expect(text).toMatch(/action:\s*"addMovie"/);
    });
  }

  it.each([
    ['src/side-doors/folder-entry.ts', /SERVER_MODULE_FOLDER/, /movies\.server[\\/]index\.ts/],
    ['src/side-doors/unlisted-entry.ts', /UNLISTED_RUNTIME_MODULE/, /unlisted-actions\.ts:2:10/],
    ['src/side-doors/url-entry.ts', /SERVER_MODULE_URL/, /url-entry\.ts:2:26/],
  ])('refuses the side door %s, naming the module and the fix', async (entry, code, file) => {
    const failure = await build(bundler, { entry, target: 'client' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    const text = failure instanceof Error ? `${failure.message}\n${JSON.stringify(failure)}` : String(failure);
    expect(text).toMatch(code);
    expect(text).toMatch(file);
    expect(text).toContain('Fix: ');
  });

  it('fails the build on an illegal export, naming file, line and column', async () => {
    const failure = await build(bundler, { entry: 'src/illegal/entry.ts', target: 'client' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    const text = failure instanceof Error ? `${failure.message}\n${JSON.stringify(failure)}` : String(failure);
    expect(text).toMatch(/bad\.server\.ts:7:14/);
    expect(text).toContain('helperThatLeaks');
  });
});

describe('vite SSR build', () => {
  it('compiles for the server, keeps every body behind the glob, and shares the client build id', async () => {
    const ssr = await build('vite', { entry: 'src/server.tsx', target: 'server' });
    for (const marker of ALL_MARKERS) expect(ssr.code).toContain(marker);
    const client = await build('vite', { entry: 'src/main.tsx', target: 'client' });
    const stubBuilds = new Set([...client.code.matchAll(/build:\s*"([0-9a-f]{12})"/g)].map((m) => m[1]));
    expect(stubBuilds.size).toBe(1);
    expect(ssr.code).toContain(`"${[...stubBuilds][0]}"`);
  }, 60_000);
});

describe('the action manifest', () => {
  it.each(['vite', 'rollup', 'rolldown', 'esbuild', 'webpack', 'rspack'] as Bundler[])(
    '%s emits what the build exposes: keys, actions with their options, loaders, guards and use',
    async (bundler) => {
      const output = await build(bundler, { entry: 'src/main.tsx', target: 'client' });
      const manifest = JSON.parse(output.files.get('hono-preact-actions.manifest.json') ?? 'null');
      expect(manifest.buildId).toMatch(/^[0-9a-f]{12}$/);
      expect(manifest.modules).toEqual([
        {
          key: 'admin/movies',
          actions: [{ name: 'purge', input: false, bodyLimit: null, use: false }],
          loaders: [],
          exports: ['serverActions'],
        },
        {
          key: 'movies',
          actions: [
            { name: 'addMovie', input: false, bodyLimit: null, use: false },
            { name: 'importPosters', input: true, bodyLimit: 8 * 1024 * 1024, use: false },
          ],
          loaders: ['default'],
          exports: ['default', 'pageUse', 'serverActions'],
        },
      ]);
    },
    60_000,
  );
});

describe('the build id', () => {
  it('hashes the server modules: the same tree gives the same id, a changed module another', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'hpa-build-id-'));
    mkdirSync(join(scratch, 'admin'));
    writeFileSync(join(scratch, 'movies.server.ts'), 'export const serverActions = {};');
    writeFileSync(join(scratch, 'admin', 'users.server.ts'), 'export const serverActions = {};');
    writeFileSync(join(scratch, 'page.tsx'), 'export const x = 1;');
    const first = hashServerModules(scratch);
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    writeFileSync(join(scratch, 'page.tsx'), 'export const x = 2;');
    expect(hashServerModules(scratch)).toBe(first);
    writeFileSync(join(scratch, 'admin', 'users.server.ts'), 'export const serverActions = { ban: defineAction(f) };');
    expect(hashServerModules(scratch)).not.toBe(first);
    rmSync(scratch, { recursive: true, force: true });
  });
});
