// `npm start` serves in production mode whatever the shell says, with or without its build step, so
// unexpected errors are redacted. A stand-in build (a server entry that reports NODE_ENV) keeps this fast.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FAKE = join(ROOT, '.cache', 'start-production');
let child: ChildProcess | undefined;

beforeAll(() => {
  rmSync(FAKE, { recursive: true, force: true });
  mkdirSync(join(FAKE, 'dist', 'client', '.vite'), { recursive: true });
  mkdirSync(join(FAKE, 'dist', 'server'), { recursive: true });
  writeFileSync(join(FAKE, 'dist', 'client', '.vite', 'manifest.json'), '{"src/client.tsx":{"file":"client.js"}}');
  writeFileSync(
    join(FAKE, 'dist', 'server', 'server.js'),
    "import { Hono } from 'hono';\nexport const createApp = () => new Hono().get('/env', (c) => c.text(String(process.env.NODE_ENV)));\n",
  );
});

afterAll(() => {
  child?.kill();
  rmSync(FAKE, { recursive: true, force: true });
});

it('sets NODE_ENV to production with --no-build, from a shell that set none', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, EXAMPLE_ROOT: FAKE, PORT: '0' };
  delete env.NODE_ENV;
  child = spawn(process.execPath, [join(ROOT, 'example', 'scripts', 'start.ts'), '--no-build'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child?.stdout?.on('data', (data: Buffer) => {
      const found = /http:\/\/\S+/.exec(String(data));
      if (found) resolve(found[0]);
    });
    child?.once('exit', (code) => reject(new Error(`start.ts exited with ${code}`)));
  });
  expect(await (await fetch(`${url}/env`)).text()).toBe('production');
});
