// The example under its dev server (example/scripts/dev-server.ts, what `npm run dev` starts): the first
// page load of a fresh server, as a browser makes it (the page, then every module its scripts import,
// fetched level by level), and a server-module edit's turnaround (the file written until the page
// shows the change and the edited module's client URL answers again; the median of five per server). With our plugin, against the same
// dev server with a plugin that has the same filter and order but returns null for every file (and
// serves the build id, the one virtual module the example imports). Rounds interleave the two, each on a
// fresh server; medians of per-round ratios.
//
// The null plugin lets the server modules into the browser's module graph as source, so that side
// loads more modules; the second line is therefore the direct figure: the time our plugin's hooks took
// within our first load.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { init, parse } from 'es-module-lexer';
import type { Plugin, PluginOption } from 'vite';
import { timedHooks } from './timed-hooks.ts';
import { type DevServer, startDevServer } from '../example/scripts/dev-server.ts';
import { resolveOptions } from '../dist/unplugin/options.js';
import hpaVite from 'hono-preact-actions/vite';

const ROUNDS = Number(process.env.DEV_ROUNDS ?? 7);
/** Edits per server, each undone before the next; the server's figure is their median. */
const EDITS = 5;
const EXAMPLE = resolve(import.meta.dirname, '..', 'example');
const SCRATCH = resolve(import.meta.dirname, '..', '.cache', 'bench');
const EDITED = 'src/pages/movies.server.ts';
const LOADER = 'defineLoader(async () => ({ movies: movies.all() }))';

const BUILD_ID = 'virtual:hono-preact-actions/build-id';
function nullPlugin(): Plugin {
  const { include, exclude } = resolveOptions();
  return {
    name: 'null-plugin',
    enforce: 'pre',
    resolveId: (id) => (id === BUILD_ID ? `\0${BUILD_ID}` : null),
    load: (id) => (id === `\0${BUILD_ID}` ? 'export const buildId = "dev";' : null),
    transform: { filter: { id: { include, exclude } }, handler: () => null },
  };
}

/** The page, then its module scripts and everything they import, fetched breadth first as a browser does. */
async function loadPage(url: string): Promise<number> {
  const start = performance.now();
  const html = await fetchText(url);
  const seen = new Set<string>();
  let level = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((match) => match[1] as string);
  while (level.length > 0) {
    const next: string[] = [];
    await Promise.all(
      level.map(async (path) => {
        if (seen.has(path)) return;
        seen.add(path);
        const code = await fetchText(new URL(path, url).href);
        const [imports] = parse(code);
        for (const { n } of imports) if (n && n.startsWith('/')) next.push(n);
      }),
    );
    level = next;
  }
  return performance.now() - start;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}\n${(await response.text()).slice(0, 400)}`);
  return response.text();
}

/**
 * Writes a visible change to the movies loader; the time until the page shows it. Requests wait for the watcher's event: one in flight while Vite invalidates the
 * module can keep the old one, and a poll that races the watcher saw its edits lost now and then.
 */
async function editTurnaround(server: DevServer, app: string, mark: string): Promise<number> {
  const file = join(app, EDITED);
  const source = readFileSync(file, 'utf8');
  const edited = `defineLoader(async () => ({ movies: movies.all().map((m) => ({ ...m, title: m.title + ${JSON.stringify(mark)} })) }))`;
  try {
    const start = await writeAndSee(server, file, source.replace(LOADER, edited), (html) => html.includes(mark));
    await fetchText(`${server.url}/${EDITED}`);
    const took = performance.now() - start;
    // Undone, and the undo seen, before the next edit starts.
    await writeAndSee(server, file, source, (html) => !html.includes(mark));
    return took;
  } finally {
    writeFileSync(file, source);
  }
}

/** Writes the file and waits until the page shows it; the moment it wrote. */
async function writeAndSee(server: DevServer, file: string, content: string, shows: (html: string) => boolean) {
  // The watcher drops a change that follows another of the same file within a few tens of ms.
  await new Promise((done) => setTimeout(done, 200));
  const changed = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the dev server's watcher missed an edit of ${file}`)), 10_000);
    server.vite.watcher.once('change', () => resolve(clearTimeout(timer)));
  });
  const start = performance.now();
  writeFileSync(file, content);
  await changed;
  while (!shows(await fetchText(server.url))) {
    if (performance.now() - start > 10_000) throw new Error(`the dev server did not show an edit of ${file} in 10 s`);
    await new Promise((done) => setTimeout(done, 2));
  }
  return start;
}

function copyExample(name: string): string {
  const app = join(SCRATCH, name);
  rmSync(app, { recursive: true, force: true });
  for (const part of ['src', 'scripts']) cpSync(join(EXAMPLE, part), join(app, part), { recursive: true });
  if (!readFileSync(join(app, EDITED), 'utf8').includes(LOADER)) throw new Error(`${EDITED} no longer holds ${LOADER}`);
  return app;
}

async function session(app: string, plugins: PluginOption, round: number) {
  const server = await startDevServer(
    {
      root: app,
      configFile: false,
      logLevel: 'silent',
      cacheDir: join(app, '.vite'),
      plugins: [plugins],
      oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    },
    0,
  );
  try {
    const firstLoad = await loadPage(server.url);
    const edits: number[] = [];
    for (let edit = 0; edit < EDITS; edit++) edits.push(await editTurnaround(server, app, ` (edit ${round}.${edit})`));
    return { firstLoad, edit: median(edits) };
  } finally {
    await server.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export async function runDevBench(): Promise<boolean> {
  await init;
  mkdirSync(SCRATCH, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'hpa-dev-bench-'));
  process.env.DATA_DIR = dataDir;
  const apps = { hpa: copyExample('dev-hpa'), null: copyExample('dev-null') };
  const spent = { ms: 0 };
  const variants = { hpa: () => timedHooks(hpaVite({ root: 'src/pages' }), spent), null: nullPlugin };
  const rows = { firstLoad: [] as number[], edit: [] as number[], hooks: [] as number[] };
  const figures = {
    hpa: { firstLoad: [] as number[], edit: [] as number[] },
    null: { firstLoad: [] as number[], edit: [] as number[] },
  };
  try {
    // A round of each first, untimed: Vite's dependency optimizer fills each copy's cache.
    for (const name of ['hpa', 'null'] as const) await session(apps[name], variants[name](), -1);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? (['null', 'hpa'] as const) : (['hpa', 'null'] as const);
      const took = {} as Record<'hpa' | 'null', { firstLoad: number; edit: number }>;
      for (const name of order) {
        spent.ms = 0;
        took[name] = await session(apps[name], variants[name](), round);
        if (name === 'hpa') rows.hooks.push(spent.ms / took.hpa.firstLoad);
        figures[name].firstLoad.push(took[name].firstLoad);
        figures[name].edit.push(took[name].edit);
      }
      rows.firstLoad.push(took.hpa.firstLoad / took.null.firstLoad - 1);
      rows.edit.push(took.hpa.edit / took.null.edit - 1);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
  const ms = (values: number[]) => `${median(values).toFixed(0)} ms`.padStart(8);
  console.log(
    `\nThe example under its dev server, our plugin vs a plugin returning null (${ROUNDS} rounds, a fresh server each, interleaved; medians of per-round ratios)`,
  );
  const firstLoadCost = median(rows.firstLoad);
  const editCost = median(rows.edit);
  const hooks = median(rows.hooks);
  console.log(
    `first page load            null ${ms(figures.null.firstLoad)}   ours ${ms(figures.hpa.firstLoad)}   cost ${percent(firstLoadCost)}   goal <= 10% ${firstLoadCost <= 0.1 ? 'ok' : 'OVER'}`,
  );
  console.log(
    `server-module edit         null ${ms(figures.null.edit)}   ours ${ms(figures.hpa.edit)}   cost ${percent(editCost)}   goal <= 10% ${editCost <= 0.1 ? 'ok' : 'OVER'}`,
  );
  console.log(
    `our hooks in our first load                                 share ${percent(hooks)}   goal <= 10% ${hooks <= 0.1 ? 'ok' : 'OVER'}`,
  );
  return firstLoadCost <= 0.1 && editCost <= 0.1 && hooks <= 0.1;
}
