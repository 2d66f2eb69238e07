// Provisions Bun, Deno and workerd from their platform packages on the npm registry into a cache
// folder (outside the lockfile: the registry here lacks some of their other platforms' packages, which
// would make npm ci refuse a lock that lists them), and starts the portable app on each.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { freePort } from '../helpers/free-port.ts';

const CACHE = process.env.HPA_RUNTIME_CACHE ?? join(homedir(), '.cache', 'hono-preact-actions', 'runtimes');
const HERE = import.meta.dirname;
const REPO = join(HERE, '..', '..');

const PACKAGES = {
  bun: { name: '@oven/bun-linux-x64', version: '1.4.5', binary: 'bin/bun' },
  deno: { name: '@deno/linux-x64-glibc', version: '2.9.6', binary: 'deno' },
  workerd: { name: '@cloudflare/workerd-linux-64', version: '1.20261117.1', binary: 'bin/workerd' },
} as const;

export type Runtime = 'node' | keyof typeof PACKAGES;

function provision(runtime: keyof typeof PACKAGES): string {
  const { name, version, binary } = PACKAGES[runtime];
  const folder = join(CACHE, `${runtime}-${version}`);
  const path = join(folder, 'node_modules', name, binary);
  if (!existsSync(path)) {
    mkdirSync(folder, { recursive: true });
    execFileSync(
      'npm',
      ['install', '--prefix', folder, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `${name}@${version}`],
      {
        stdio: 'inherit',
      },
    );
  }
  return path;
}

export interface Running {
  url: string;
  stop(): void;
}

async function waitForPort(child: ChildProcess, port?: number): Promise<number> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 30_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /port (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (data: Buffer) => (output += data.toString()));
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    if (port !== undefined) {
      // workerd prints nothing when it listens: poll the port.
      const poll = async () => {
        const ok = await fetch(`http://127.0.0.1:${port}/`).then(
          () => true,
          () => false,
        );
        if (ok) {
          clearTimeout(timer);
          resolve(port);
        } else setTimeout(poll, 100);
      };
      void poll();
    }
  });
}

export async function start(runtime: Runtime): Promise<Running> {
  let child: ChildProcess;
  let fixedPort: number | undefined;
  switch (runtime) {
    case 'node':
      child = spawn(process.execPath, [join(HERE, 'serve.node.ts')], { cwd: REPO });
      break;
    case 'bun':
      child = spawn(provision('bun'), ['run', join(HERE, 'serve.bun.ts')], { cwd: REPO });
      break;
    case 'deno':
      child = spawn(
        provision('deno'),
        ['run', '--allow-net', '--allow-env', '--allow-read', '--node-modules-dir=manual', join(HERE, 'serve.deno.ts')],
        {
          cwd: REPO,
          env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(CACHE, 'deno-dir') },
        },
      );
      break;
    case 'workerd': {
      const folder = join(CACHE, 'workerd-app');
      mkdirSync(folder, { recursive: true });
      await build({
        entryPoints: [join(HERE, 'worker.ts')],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        outfile: join(folder, 'worker.js'),
        logLevel: 'silent',
      });
      fixedPort = await freePort();
      writeFileSync(
        join(folder, 'config.capnp'),
        `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${fixedPort}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker", esModule = embed "worker.js") ],
  compatibilityDate = "2025-01-01",
);
`,
      );
      child = spawn(provision('workerd'), ['serve', join(folder, 'config.capnp')], { cwd: folder });
      break;
    }
  }
  const port = await waitForPort(child, fixedPort);
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}
