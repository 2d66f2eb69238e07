// Deploy safety in a real browser: the example built twice (build-1, then build-2 where the action the
// page calls was renamed). A page loaded from build-1 calls it after build-2 took over the port: the
// server answers 409 STALE_CLIENT, the page reloads once into build-2, and the call works there.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRATCH = join(ROOT, '.cache', 'deploy');
const BUILD_SCRIPT = join(ROOT, 'example', 'scripts', 'build.ts');
const START_SCRIPT = join(ROOT, 'example', 'scripts', 'start.ts');

/** A copy of the example's source (inside the package, so `hono-preact-actions` resolves to this checkout). */
function copyExample(name: string, edit?: (path: string, text: string) => string): string {
  const folder = join(SCRATCH, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(join(ROOT, 'example', 'src'), join(folder, 'src'), { recursive: true });
  cpSync(join(ROOT, 'example', 'vite.config.ts'), join(folder, 'vite.config.ts'));
  if (edit) {
    for (const file of ['src/pages/movies.server.ts', 'src/pages/movies.tsx']) {
      const path = join(folder, file);
      writeFileSync(path, edit(path, readFileSync(path, 'utf8')));
    }
  }
  return folder;
}

function serve(root: string, port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [START_SCRIPT, '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, EXAMPLE_ROOT: root, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (data: Buffer) => String(data).includes('http://') && resolve(child));
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

describe('deploying a new build under an open page', () => {
  let browser: Browser;
  let buildOne: string;
  let buildTwo: string;
  let dataDir: string;

  beforeAll(async () => {
    buildOne = copyExample('build-1');
    buildTwo = copyExample('build-2', (_path, text) => text.replaceAll('addMovie', 'addFilm'));
    for (const [root, id] of [
      [buildOne, 'build-1'],
      [buildTwo, 'build-2'],
    ]) {
      execFileSync(process.execPath, [BUILD_SCRIPT], {
        cwd: ROOT,
        env: { ...process.env, EXAMPLE_ROOT: root, HPA_BUILD_ID: id },
        stdio: 'inherit',
      });
    }
    dataDir = mkdtempSync(join(tmpdir(), 'hpa-deploy-'));
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(SCRATCH, { recursive: true, force: true });
  });

  it('answers the old page 409, which reloads once into the new build where the call works', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const first = await serve(buildOne, port, dataDir);
    const page = await browser.newPage();
    const statuses: number[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/__actions')) statuses.push(response.status());
    });
    await page.goto(url);
    expect(await page.getAttribute('meta[name=build]', 'content')).toBe('build-1');
    await page.waitForFunction(() => document.querySelector('#quick-add') !== null);

    // Deploy: build-2 replaces build-1 on the same port while the page stays open.
    first.kill();
    await new Promise((resolve) => first.once('exit', resolve));
    const second = await serve(buildTwo, port, dataDir);
    try {
      await page.fill('#quick-title', 'Before the reload');
      await page.click('#quick-add');
      await page.waitForFunction(
        () => document.querySelector('meta[name=build]')?.getAttribute('content') === 'build-2',
      );
      expect(statuses).toContain(409);

      await page.waitForFunction(() => document.querySelector('#quick-add') !== null);
      await page.fill('#quick-title', 'After the reload');
      await page.click('#quick-add');
      await expect.poll(() => page.locator('#movies .title').allTextContents()).toContain('After the reload');
      expect(statuses.at(-1)).toBe(200);
    } finally {
      second.kill();
    }
  });
});
