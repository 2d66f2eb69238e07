// The package as a stranger gets it: `npm pack`, then a fresh app outside this repository, made by the
// package's own starter, with its other dependencies from the registry. Everything after the install is
// what the README's "Start your own app" says: a strict tsc in both module resolutions, `vite build` and
// plain `node` serving it (an action called through the key its client stub carries), `vite` dev with an
// edit to a server module, every export imported by plain `node`, and the browser entry built by each
// bundler's entry, every client output searched for a marker planted in server code.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.ts';

const REPO = join(import.meta.dirname, '..', '..');
// A folder of this run's own: two checkouts testing at once do not share (and delete) one app.
const WORK = mkdtempSync(join(tmpdir(), 'hpa-consumer-'));
const APP = join(WORK, 'my-app');
const MARKER = 'HPA_SERVER_ONLY_MARKER';
// The bundlers' versions this repository is tested with (the registry here lacks newer native builds).
const BUNDLERS = [
  'esbuild',
  'rollup',
  'rollup-plugin-esbuild',
  'rolldown',
  'webpack',
  'esbuild-loader',
  '@rspack/core',
];
const timings: string[] = [];
let tarball = '';

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, stdio: 'pipe' });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${failure.stdout ?? ''}\n${failure.stderr ?? failure.message}`,
    );
  }
}

function timed<T>(step: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  timings.push(`${step}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

const npm = (args: string[], cwd: string) => run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], cwd);
const node = (args: string[], cwd = APP, env: NodeJS.ProcessEnv = {}) => run(process.execPath, args, cwd, env);
const versionOf = (name: string) =>
  (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A long-running command in its own process group, so stopping it stops what npm started too. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { cwd: APP, env: { ...process.env, ...env }, stdio: 'pipe', detached: true });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, log: () => string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${log()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * Saves a file the way an editor does, again every two seconds until the dev server shows the change: a
 * second save within the file watcher's debounce window of the one before can go unnoticed.
 */
async function saveUntil<T>(
  file: string,
  content: string,
  what: string,
  seen: () => Promise<T | undefined>,
  log: () => string,
) {
  let saved = 0;
  return until(
    what,
    async () => {
      if (Date.now() - saved > 2000) {
        writeFileSync(file, content);
        saved = Date.now();
      }
      return seen();
    },
    log,
  );
}

const pageText = async (url: string) => {
  const response = await fetch(url);
  return response.ok ? await response.text() : undefined;
};

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    process.kill(-(child.pid as number), 'SIGTERM');
  });
}

/** The packages a declaration file names, following its relative imports through the package. */
function bareImportsReachedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    // A specifier in a doc comment (`view: () => import('./pages/x.tsx')`) names no file of ours.
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from\s+|import\(\s*|reference types=)['"]([^'"]+)['"]/g)) {
      if (!specifier) continue;
      if (specifier.startsWith('.')) queue.push(join(dirname(file), specifier.replace(/\.js$/, '.d.ts')));
      else
        bare.add(
          specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] as string),
        );
    }
  }
  return bare;
}

describe('the packed package in a fresh app', { timeout: 300_000 }, () => {
  beforeAll(() => {
    const packed = timed('npm pack', () => run('npm', ['pack', '--pack-destination', WORK, '--json'], REPO));
    tarball = join(WORK, (JSON.parse(packed) as { filename: string }[])[0]!.filename);
    writeFileSync(join(WORK, 'package.json'), '{ "private": true }\n');
    timed('install the tarball to run its starter', () => npm(['install', tarball], WORK));
    timed('create the app', () =>
      run(join(WORK, 'node_modules', '.bin', 'hono-preact-actions'), ['create', 'my-app'], WORK),
    );
    // The app's own dependency on the package is this tarball, not the registry's copy.
    const manifestPath = join(APP, 'package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { dependencies: Record<string, string> };
    manifest.dependencies['hono-preact-actions'] = `file:${tarball}`;
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    timed('npm install in the app', () => npm(['install'], APP));
    // A marker in server code that must never reach a browser bundle.
    const serverModule = join(APP, 'src', 'pages', 'todos.server.ts');
    writeFileSync(
      serverModule,
      readFileSync(serverModule, 'utf8').replace(
        'todos.push(trimmed);',
        `todos.push(trimmed);\n    console.log('${MARKER}');`,
      ),
    );
  }, 300_000);

  afterAll(() => {
    console.log(`consumer test steps:\n  ${timings.join('\n  ')}`);
    rmSync(WORK, { recursive: true, force: true });
  });

  it('is the path the README\'s "Start your own app" takes, file for file', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Start your own app'),
      readme.indexOf('\n## ', readme.indexOf('## Start your own app') + 1),
    );
    const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((match) => ({
      lang: match[1],
      body: match[2] as string,
    }));
    const commands = blocks.filter((block) => block.lang === 'sh').flatMap((block) => block.body.trim().split('\n'));
    // Exactly the commands this test runs, in its order.
    expect(commands).toEqual([
      'npx hono-preact-actions create my-app',
      'cd my-app',
      'npm install',
      'npm run dev',
      'npm run build',
      'npm start',
    ]);
    const shownFiles = blocks.filter((block) => block.lang !== 'sh');
    expect(shownFiles.length).toBeGreaterThanOrEqual(5);
    for (const { body } of shownFiles) {
      const [first, ...rest] = body.split('\n');
      const path = /^\/\/ (\S+)$/.exec(first ?? '')?.[1];
      expect(path, `a README block names its file: ${first}`).toBeDefined();
      expect(rest.join('\n'), path).toBe(readFileSync(join(REPO, 'template', path as string), 'utf8'));
    }
  });

  it('ships only the built output, README and LICENSE', () => {
    const listed = run('tar', ['-tzf', tarball], WORK).trim().split('\n');
    const outside = listed.filter(
      (path) => !/^package\/(?:dist\/|template\/|README\.md$|LICENSE$|package\.json$)/.test(path),
    );
    expect(outside).toEqual([]);
    expect(
      listed.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts') && !path.startsWith('package/template/')),
    ).toEqual([]);
  });

  it("types each bundler's entry with that bundler's types only, and the runtime with none", () => {
    const extracted = join(WORK, 'extracted');
    mkdirSync(extracted, { recursive: true });
    run('tar', ['-xzf', tarball, '-C', extracted], WORK);
    const root = join(extracted, 'package');
    const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, string | { types?: string }>;
    };
    const bundlerTypes = ['vite', 'rollup', 'rolldown', 'esbuild', 'webpack', '@rspack/core', 'unplugin'];
    const own: Record<string, string> = { './rspack': '@rspack/core' };
    for (const [path, target] of Object.entries(exports)) {
      if (typeof target !== 'object' || !target.types) continue;
      const reached = [...bareImportsReachedFrom(join(root, target.types))].filter((name) =>
        bundlerTypes.includes(name),
      );
      const expected =
        path.slice(2) in { vite: 1, rollup: 1, rolldown: 1, esbuild: 1, webpack: 1, rspack: 1 }
          ? [own[path] ?? path.slice(2)]
          : [];
      expect(reached, `the declarations of hono-preact-actions${path.slice(1)}`).toEqual(expected);
    }
  });

  it('imports every export with plain node', () => {
    const { exports } = JSON.parse(
      readFileSync(join(APP, 'node_modules', 'hono-preact-actions', 'package.json'), 'utf8'),
    ) as {
      exports: Record<string, string | { default?: string }>;
    };
    const runnable = Object.entries(exports)
      .filter(([, target]) => typeof target === 'object' && target.default)
      .map(([path]) => `hono-preact-actions${path.slice(1)}`);
    expect(runnable.length).toBeGreaterThanOrEqual(10);
    const script = `for (const name of ${JSON.stringify(runnable)}) { const m = await import(name); if (Object.keys(m).length === 0) throw new Error(name + ' exports nothing'); } console.log('imported', ${runnable.length});`;
    expect(timed('import every export', () => node(['--input-type=module', '-e', script]))).toContain(
      `imported ${runnable.length}`,
    );
  });

  it('type-checks under a strict tsconfig, bundler and nodenext resolution', () => {
    timed('npm run typecheck (bundler)', () => run('npm', ['run', 'typecheck'], APP));
    writeFileSync(
      join(APP, 'tsconfig.nodenext.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' },
      }),
    );
    timed('tsc (nodenext)', () =>
      node([join('node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.nodenext.json']),
    );
  });

  it('builds with vite build and serves with plain node: the page, and an action through the stub key', async () => {
    timed('npm run build', () => run('npm', ['run', 'build'], APP));
    const clientFiles = files(join(APP, 'dist', 'client')).filter((file) => file.endsWith('.js'));
    const clientCode = clientFiles.map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(clientCode).not.toContain(MARKER);
    const key = /addTodo:\{module:[`'"]([^`'"]+)[`'"]/.exec(clientCode)?.[1];
    expect(key, 'the client stub names its module').toBeDefined();

    const port = await freePort();
    const server = start('npm', ['start'], { PORT: String(port) });
    try {
      const base = `http://127.0.0.1:${port}`;
      const html = await until('the built server', () => pageText(`${base}/`), server.output);
      expect(html).toContain('<li>Read the README</li>');
      expect(html).toMatch(/<script type="module" src="\/assets\/client-[\w-]+\.js">/);
      const response = await fetch(`${base}/__actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ module: key, action: 'addTodo', payload: { text: 'Ship it' } }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { added: 'Ship it' } });
      expect(await pageText(`${base}/`)).toContain('<li>Ship it</li>');
      const script = /src="(\/assets\/client-[\w-]+\.js)"/.exec(html)?.[1] ?? '';
      expect((await fetch(`${base}${script}`)).status).toBe(200);
      expect((await fetch(`${base}/.vite/manifest.json`)).status).toBe(404);
      const get = await fetch(`${base}/__actions`);
      expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    } finally {
      await stop(server.child);
    }
  });

  it('serves in vite dev: the page, a server-module edit, a compile error in the overlay', async () => {
    const port = await freePort();
    // Coloured output, as a terminal or CI gets it: the compile error must be recognised through the colours.
    const dev = start('npm', ['run', 'dev', '--', '--port', String(port), '--strictPort'], { FORCE_COLOR: '1' });
    const serverModule = join(APP, 'src', 'pages', 'todos.server.ts');
    const original = readFileSync(serverModule, 'utf8');
    try {
      const base = `http://127.0.0.1:${port}`;
      const html = await until('vite dev', () => pageText(`${base}/`), dev.output);
      expect(html).toContain('<li>Read the README</li>');
      expect(html).toContain('src="/src/client.tsx"');
      expect(html).toContain('/@vite/client');
      const stub = await (await fetch(`${base}/src/pages/todos.server.ts`)).text();
      expect(stub).toContain('addTodo');
      expect(stub).not.toContain(MARKER);

      await saveUntil(
        serverModule,
        original.replace("'Read the README'", "'Edited in dev'"),
        'the edit',
        async () => ((await pageText(`${base}/`))?.includes('<li>Edited in dev</li>') ? true : undefined),
        dev.output,
      );
      const overlay = await saveUntil(
        serverModule,
        `${original}\nexport const notAllowed = 1;\n`,
        'the compile error',
        async () => {
          const response = await fetch(`${base}/`);
          return response.status === 500 ? await response.text() : undefined;
        },
        dev.output,
      );
      expect(overlay).toContain('ErrorOverlay');
      expect(overlay).toMatch(/todos\.server\.ts:\d+:\d+: `notAllowed` cannot be exported from a server module/);
      expect(overlay).not.toContain('const todos');
      // Said once per change, not once per request: more requests for the same broken file add nothing.
      const said = () => dev.output().match(/`notAllowed`[^\n]*cannot be exported/g)?.length ?? 0;
      const before = said();
      for (let i = 0; i < 3; i++) await fetch(`${base}/`);
      expect(before).toBeGreaterThanOrEqual(1);
      expect(said(), 'said once per change').toBe(before);

      // A misspelt action, with no tsc to catch it: the server render names the module and what it has.
      await saveUntil(serverModule, original, 'the fix', () => pageText(`${base}/`), dev.output);
      const page = join(APP, 'src', 'pages', 'todos.tsx');
      const pageSource = readFileSync(page, 'utf8');
      try {
        const typo = await saveUntil(
          page,
          pageSource.replace('serverActions.addTodo', 'serverActions.addTodoo'),
          'the typo',
          async () => {
            const response = await fetch(`${base}/`);
            return response.status === 500 ? await response.text() : undefined;
          },
          dev.output,
        );
        expect(typo).toContain(
          'serverActions.addTodoo is not in the server module \\"src/pages/todos\\": it has addTodo.',
        );
      } finally {
        writeFileSync(page, pageSource);
      }
    } finally {
      writeFileSync(serverModule, original);
      await stop(dev.child);
    }
  });

  it('refuses to start when the plugin root and the handler root disagree, naming both', async () => {
    const config = join(APP, 'vite.config.ts');
    const server = join(APP, 'src', 'server.tsx');
    const originals = [config, server].map((file) => readFileSync(file, 'utf8'));
    try {
      writeFileSync(config, originals[0]!.replace('hpa({ app:', "hpa({ root: 'src', app:"));
      writeFileSync(server, originals[1]!.replaceAll(".server.ts')", ".server.ts'), { root: '/src/pages' }"));
      run('npm', ['run', 'build'], APP);
      const port = await freePort();
      const started = start('npm', ['start'], { PORT: String(port) });
      const code = await new Promise<number | null | 'still running'>((done) => {
        started.child.once('exit', done);
        setTimeout(() => done('still running'), 15_000);
      });
      if (code === 'still running') await stop(started.child);
      expect(code).not.toBe(0);
      expect(started.output()).toMatch(/root "\/src".*root is "\/src\/pages"/);
    } finally {
      writeFileSync(config, originals[0]!);
      writeFileSync(server, originals[1]!);
    }
  });

  it('builds the browser entry with the esbuild, Rollup, Rolldown, webpack and Rspack entries, leaking nothing', () => {
    timed('install the bundlers', () =>
      npm(['install', '--no-save', ...BUNDLERS.map((name) => `${name}@${versionOf(name)}`)], APP),
    );
    copyFileSync(join(import.meta.dirname, 'bundle-client.ts'), join(APP, 'bundle-client.ts'));
    const names = ['esbuild', 'rollup', 'rolldown', 'webpack', 'rspack'];
    const said = timed('five bundler builds', () => node(['bundle-client.ts', ...names]));
    for (const name of names) {
      expect(said).toContain(`built ${name}`);
      const code = files(join(APP, 'out', name))
        .map((file) => readFileSync(file, 'utf8'))
        .join('\n');
      expect(code, name).toContain('addTodo');
      expect(code, name).not.toContain(MARKER);
    }
  });
});
