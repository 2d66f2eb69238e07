// The example app in a real browser (Debian's Chromium, driven by playwright-core), against the
// production build and against `npm run dev`: every feature clicked through, checked by what a person
// sees, and every response body the browser receives searched for server-only marker strings.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_MOVIES } from '../../example/src/server/seed.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// axe-core's browser build, evaluated in each page for the accessibility scan.
const AXE = process.env.AXE_CORE_PATH ?? join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const SEEDED = SEED_MOVIES.map(([title]) => title);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface Started {
  url: string;
  stop(): void;
}

async function startExample(script: 'start' | 'dev', dataDir: string): Promise<Started> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'example', 'scripts', `${script}.ts`)], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the example did not start:\n${output}`)), 90_000);
    const read = (data: Buffer) => {
      output += data.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`the example exited with ${code}:\n${output}`)));
  });
  return { url, stop: () => child.kill() };
}

describe.each(['start', 'dev'] as const)('the example app under npm %s', (script) => {
  let app: Started;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  const bodies: { url: string; status: number; text: string }[] = [];
  // What the browser refused under the app's Content-Security-Policy, on every page the suite opens.
  const cspViolations: string[] = [];
  const watchCsp = (target: Page) =>
    target.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(`${target.url()}: ${message.text()}`);
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hpa-example-'));
    app = await startExample(script, dataDir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    page = await browser.newPage();
    watchCsp(page);
    page.on('response', async (response) => {
      const text = await response.text().catch(() => '');
      bodies.push({ url: response.url(), status: response.status(), text });
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const titles = () => page.locator('#movies .title').allTextContents();

  it('renders the list page with its loader data and the timing header', async () => {
    const response = await page.goto(app.url);
    expect(response?.headers()['x-response-time']).toMatch(/ms$/);
    await expect.poll(titles).toEqual(SEEDED);
    await page.waitForFunction(() => document.querySelector('#quick-add') !== null);
    expect(await page.title()).toBe('Movies · Movie Night');
  });

  if (script === 'start') {
    it('takes the README screenshots, at a phone width and at a desktop width', async () => {
      for (const [name, width, height] of [
        ['mobile', 375, 812],
        ['desktop', 1280, 900],
      ] as const) {
        const shot = await browser.newPage({ viewport: { width, height } });
        try {
          await shot.goto(app.url);
          await shot.waitForSelector('html[data-hydrated]');
          await shot.waitForFunction(() => [...document.images].every((img) => img.complete));
          // No horizontal scrolling at either width.
          expect(await shot.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          // The README's copies change only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
          const folder = process.env.UPDATE_SCREENSHOTS ? 'docs' : 'reports';
          await shot.screenshot({ path: join(ROOT, folder, `screenshot-${name}.png`) });
        } finally {
          await shot.close();
        }
      }
    });
  }

  it("loads a link's route code on hover, so the page shows sooner after the click", async () => {
    // Each view's code arrives 300 ms late, as on a slow network; the ratings data is the same both times.
    const timeToShow = async (hoverFirst: boolean) => {
      const fresh = await browser.newPage();
      try {
        await fresh.route(
          (url) => /\/assets\/ratings-|\/src\/pages\/ratings\.tsx/.test(url.pathname),
          async (route) => {
            await new Promise((resolve) => setTimeout(resolve, 300));
            await route.continue();
          },
        );
        await fresh.goto(app.url);
        await fresh.waitForSelector('html[data-hydrated]');
        if (hoverFirst) {
          // Every request the hover started has finished: the view's code is in.
          let pending = 0;
          let finished = 0;
          fresh.on('request', () => pending++);
          fresh.on('requestfinished', () => (pending--, finished++));
          fresh.on('requestfailed', () => pending--);
          await fresh.hover('nav >> text=Ratings');
          await expect.poll(() => finished > 0 && pending === 0, { interval: 20 }).toBe(true);
        }
        const started = Date.now();
        await fresh.click('nav >> text=Ratings');
        await fresh.waitForSelector('#ratings');
        return Date.now() - started;
      } finally {
        await fresh.close();
      }
    };
    const cold = await timeToShow(false);
    const prefetched = await timeToShow(true);
    console.log(`ratings page shown ${cold} ms after the click cold, ${prefetched} ms after a hover's prefetch`);
    expect(cold - prefetched).toBeGreaterThan(200);
  });

  it('adds a movie with <Form> and shows the new row', async () => {
    await page.fill('#add-form input[name=title]', 'Heat');
    await page.fill('#add-form input[name=year]', '1995');
    await page.click('#add-form button[type=submit]');
    await expect.poll(titles).toContain('Heat');
    expect(await page.locator('#movies li', { hasText: 'Heat' }).textContent()).toContain('(1995)');
    // The form starts over after a success.
    await expect.poll(() => page.inputValue('#add-form input[name=title]')).toBe('');
    expect(await page.inputValue('#add-form input[name=year]')).toBe('');
  });

  it('says what is wrong next to the field: a year that is not a number, a poster with no file', async () => {
    await page.fill('#add-form input[name=title]', 'Brazil');
    await page.fill('#add-form input[name=year]', 'nineteen');
    await page.click('#add-form button[type=submit]');
    await expect
      .poll(() => page.locator('#add-form [data-field=year]').textContent())
      .toBe('Enter the year as a number, like 1995.');
    expect(await titles()).not.toContain('Brazil');
    await page.click('#poster-form button[type=submit]');
    await expect
      .poll(() => page.locator('#poster-form [data-field=poster]').textContent())
      .toBe('Choose an image to upload.');
    await page.setInputFiles('#poster-form input[type=file]', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not an image'),
    });
    await page.click('#poster-form button[type=submit]');
    await expect
      .poll(() => page.locator('#poster-form [data-field=poster]').textContent())
      .toBe('Posters can be PNG, JPEG or WebP images.');
    await page.fill('#add-form input[name=title]', '');
    await page.fill('#add-form input[name=year]', '');
  });

  it("caps a title's length and a poster's size in the schema, whoever calls", async () => {
    const answers = await page.evaluate(async () => {
      const post = async (action: string, body: BodyInit, headers: Record<string, string> = {}) => {
        const response = await fetch(`/__actions?module=movies&action=${action}`, { method: 'POST', headers, body });
        return { status: response.status, fields: (await response.json()).error?.fields };
      };
      const long = await post(
        'addMovie',
        JSON.stringify({ module: 'movies', action: 'addMovie', payload: { title: 'x'.repeat(121) } }),
        { 'content-type': 'application/json' },
      );
      const form = new FormData();
      form.set('movieId', '1');
      form.set('poster', new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' }));
      return { long, big: await post('uploadPoster', form) };
    });
    expect(answers.long).toEqual({ status: 422, fields: { title: ['Keep the title under 120 characters.'] } });
    expect(answers.big).toEqual({ status: 422, fields: { poster: ['Posters can be up to 2 MB.'] } });
  });

  it('shows an optimistic row at once and rolls it back when the server refuses it', async () => {
    await page.route('**/__actions?module=movies&action=addMovie', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.fill('#quick-title', 'Alien');
    await page.click('#quick-add');
    await expect.poll(titles).toContain('Alien (saving…)');
    await expect.poll(titles).not.toContain('Alien (saving…)');
    expect(await page.textContent('#quick-error')).toBe('"Alien" is already in the list.');
    await page.unroute('**/__actions?module=movies&action=addMovie');
  });

  it('uploads a poster and shows it, served back by the server, and removes the file it replaced', async () => {
    const before = await page.getAttribute('img[alt="Dune poster"]', 'src');
    expect((await fetch(`${app.url}${before}`)).status).toBe(200);
    await page.selectOption('#poster-form select[name=movieId]', { label: 'Dune' });
    await page.setInputFiles('#poster-form input[type=file]', { name: 'dune.png', mimeType: 'image/png', buffer: PNG });
    await page.click('#poster-form button[type=submit]');
    const poster = page.locator('img[alt="Dune poster"][src$=".png"]');
    await poster.waitFor();
    await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    const served = await fetch(`${app.url}${await poster.getAttribute('src')}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${app.url}${before}`)).status).toBe(404);
    await expect.poll(() => page.inputValue('#poster-form input[type=file]')).toBe('');
  });

  it('streams the bulk import to a progress bar that reaches 100%', async () => {
    const seen: string[] = [];
    const rowsBefore = (await titles()).length;
    await page.click('#bulk');
    await expect
      .poll(
        async () => {
          const text = await page.textContent('#progress-text').catch(() => null);
          if (text && seen.at(-1) !== text) seen.push(text);
          return text;
        },
        { interval: 20, timeout: 15_000 },
      )
      .toBe('100%');
    expect(seen.length).toBeGreaterThan(2);
    expect(await page.getAttribute('#progress', 'value')).toBe('100');
    await expect.poll(async () => (await titles()).length).toBe(rowsBefore + 10);
    expect(await titles()).toContain('Rear Window');
  });

  it('refuses a delete without a session and shows the 401 message', async () => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('action=deleteMovie')),
      page.locator('#movies li', { hasText: 'Alien' }).getByRole('button', { name: 'Delete' }).click(),
    ]);
    expect(response.status()).toBe(401);
    expect(await page.locator('#delete-error').textContent()).toBe('Sign in to delete movies.');
    expect(await titles()).toContain('Alien');
  });

  it('keeps the ratings page on its cache until an action invalidates it by name', async () => {
    await page.click('nav >> text=Ratings');
    await page.waitForSelector('#ratings');
    expect(await page.locator('#ratings').textContent()).toContain('Heat');
    await page.click('nav >> text=Movies');
    await page.fill('#add-form input[name=title]', 'Stalker');
    await page.click('#add-form button[type=submit]');
    await expect.poll(titles).toContain('Stalker');
    await page.click('nav >> text=Ratings');
    await page.waitForSelector('#ratings');
    expect(await page.locator('#ratings').textContent()).not.toContain('Stalker');
    await page.click('nav >> text=Movies');
    await page.fill('#quick-title', 'Paprika');
    await page.click('#quick-add');
    await expect.poll(titles).toContain('Paprika');
    await page.click('nav >> text=Ratings');
    await expect.poll(() => page.locator('#ratings').textContent()).toContain('Paprika');
    expect(await page.locator('#ratings').textContent()).toContain('Stalker');
  });

  // The ratings test above left the page on Ratings.
  it("gives each page its title, and a client navigation moves focus to the new page's heading and announces it", async () => {
    const focused = () => page.evaluate(() => document.activeElement?.outerHTML);
    const announced = () => page.textContent('[aria-live=polite]');
    expect(await page.title()).toBe('Ratings · Movie Night');
    await page.click('nav >> text=Sign in');
    await expect.poll(focused).toBe('<h1 tabindex="-1">Sign in</h1>');
    expect(await page.title()).toBe('Sign in · Movie Night');
    await expect.poll(announced).toBe('Sign in · Movie Night');
    await page.click('nav >> text=Movies');
    // The movies page's heading comes with its loader's data: focus waits for it.
    await expect.poll(focused).toBe('<h1 tabindex="-1">Movies</h1>');
    expect(await page.title()).toBe('Movies · Movie Night');
    await expect.poll(announced).toBe('Movies · Movie Night');
    // Read, never seen: whatever the region says, it paints nothing and adds no scrolling, even moved to
    // the top of the window (where it sits depends on the page's length); it stays in the accessibility tree.
    const region = page.locator('[aria-live=polite]');
    expect(await region.ariaSnapshot()).toContain('Movies · Movie Night');
    const looks = async () => ({
      shot: (await page.screenshot()).toString('base64'),
      size: await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]),
    });
    await page.evaluate(() => scrollTo(0, 0));
    await region.evaluate((element) => {
      element.style.top = element.style.left = '0';
      element.textContent = '';
    });
    const silent = await looks();
    await region.evaluate((element) => (element.textContent = 'A long announcement, '.repeat(200)));
    expect(await looks()).toEqual(silent);
    await region.evaluate((element) => {
      element.style.top = element.style.left = '';
      element.textContent = 'Movies · Movie Night';
    });
  });

  // The client entry marks the document once it has hydrated: a click before that would be lost.
  const hydrated = () => page.waitForSelector('html[data-hydrated]');

  it('redirects away from the admin area without a session: on a client navigation with no server round trip, and on a full load', async () => {
    const requests: string[] = [];
    const record = (request: { url(): string }) => requests.push(new URL(request.url()).pathname);
    page.on('request', record);
    await page.click('nav >> text=Admin');
    await page.waitForURL('**/login');
    await page.waitForSelector('#sign-in');
    page.off('request', record);
    // The client gate decided: no loader call, no page request (the login view's script chunk may load).
    expect(requests.filter((path) => path === '/__loaders' || path.startsWith('/admin'))).toEqual([]);
    expect(await page.textContent('h1')).toBe('Sign in');
    const response = await page.goto(`${app.url}/admin/movies/1`);
    expect(page.url()).toBe(`${app.url}/login`);
    expect(response?.request().redirectedFrom()?.url()).toBe(`${app.url}/admin/movies/1`);
  });

  it('refuses a session cookie the server did not sign', async () => {
    const context = await browser.newContext();
    try {
      await context.addCookies([
        { name: 'session', value: 'admin', url: app.url },
        { name: 'role', value: 'admin', url: app.url },
      ]);
      const forged = await context.newPage();
      await forged.goto(`${app.url}/admin`);
      expect(new URL(forged.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  });

  it("shows a guest the admins-only notice in the admin area's place, on a client navigation and on a full load", async () => {
    await hydrated();
    await page.click('#sign-in-guest');
    await page.waitForURL(`${app.url}/`);
    const session = (await page.context().cookies()).find((cookie) => cookie.name === 'session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(session?.value).toMatch(/^guest\./);
    await page.click('nav >> text=Admin');
    await page.waitForSelector('#admins-only');
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await page.title()).toBe('Admins only · Movie Night');
    const response = await page.goto(`${app.url}/admin`);
    expect(response?.status()).toBe(200);
    expect(await response?.text()).toContain('<section id="admins-only"');
    await hydrated();
    expect(await page.textContent('#admins-only h1')).toBe('Admins only');
    // The same gate answers the area's loader, called directly, with its deny.
    const answer = await page.evaluate(async () => {
      const body = { module: 'admin/index', loader: 'default', location: { path: '/admin' } };
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
      return (await fetch('/__loaders', init)).json();
    });
    expect(answer.error).toMatchObject({ status: 403, message: 'Admins only.' });
  });

  it('lets an admin into the nested admin area, audits each movie view and change, and shows the deny for a missing movie', async () => {
    await page.goto(`${app.url}/login`);
    await hydrated();
    await page.click('#sign-in');
    await page.waitForSelector('#admin-count');
    expect(await page.textContent('#admin-count')).toMatch(/^\d+ movies in the database\.$/);
    await page.click('#admin-movies >> text=Dune');
    await page.waitForSelector('#admin-movie');
    expect(await page.textContent('#admin-movie')).toBe('Dune');
    await page.selectOption('#rate-form select[name=rating]', '2');
    await page.click('#rate-form button[type=submit]');
    await expect.poll(() => page.textContent('#admin-rating')).toBe('★★');
    await page.click('#admin h1 >> text=Admin');
    // Newest first: the view, the rating, and the view again that the rating's invalidation loaded.
    await expect
      .poll(() => page.locator('#audit li').allTextContents())
      .toEqual(['admin viewed movie 2', 'admin rate on movie 2', 'admin viewed movie 2']);

    await page.click('#missing-movie');
    expect(await (await page.waitForSelector('main [role=alert]')).textContent()).toBe('There is no movie 0.');
    expect(new URL(page.url()).pathname).toBe('/admin/movies/0');
    const response = await page.goto(`${app.url}/admin/movies/0`);
    expect(response?.status()).toBe(404);
    await hydrated();
    expect(await page.textContent('main [role=alert]')).toBe('There is no movie 0.');
  });

  it("falls back to a full page load when a view's script cannot load (a deploy removed it, the network dropped)", async () => {
    // The document just loaded fresh, so the ratings view is not loaded yet; its script requests fail until
    // the page is loaded afresh (a prefetch on hover, which the browser may retry on the click, fails too).
    await hydrated();
    let reloaded = false;
    const onRequest = (request: { resourceType(): string }) => {
      if (request.resourceType() === 'document') reloaded = true;
    };
    page.on('request', onRequest);
    const viewScript = (url: URL) => url.pathname.includes('ratings') && url.pathname !== '/ratings';
    await page.route(viewScript, (route) => (reloaded ? route.continue() : route.abort()));
    const [document] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/ratings'),
      page.click('nav >> text=Ratings'),
    ]);
    expect(document.request().resourceType()).toBe('document');
    await page.waitForSelector('#ratings');
    await hydrated();
    page.off('request', onRequest);
    await page.unroute(viewScript);
  });

  it('lets the admin delete a movie', async () => {
    await page.click('nav >> text=Movies');
    await page.locator('#movies li', { hasText: 'Heat' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(titles).not.toContain('Heat');
  });

  it('signs out: both cookies go, and the admin area sends the visitor to sign in again', async () => {
    await page.click('nav >> text=Sign in');
    await page.click('#sign-out');
    await page.waitForURL(`${app.url}/`);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('session');
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('role');
    await page.click('nav >> text=Admin');
    await page.waitForURL('**/login');
  });

  it('shows a field error and a deny message from <Form>', async () => {
    await page.goto(app.url);
    await page.waitForFunction(() => document.querySelector('#quick-add') !== null);
    await page.fill('#add-form input[name=title]', '   ');
    await page.click('#add-form button[type=submit]');
    await expect.poll(() => page.locator('#add-form [data-field=title]').textContent()).toBe('A movie needs a title.');
    await page.fill('#add-form input[name=title]', 'Alien');
    await page.click('#add-form button[type=submit]');
    await expect
      .poll(() => page.locator('#add-form .form-error').textContent())
      .toBe('"Alien" is already in the list.');
  });

  it('works with JavaScript disabled: the same saved row, field error and deny text', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    try {
      await noScript.goto(app.url);
      const submit = async (title: string, year = '') => {
        await noScript.fill('#add-form input[name=title]', title);
        await noScript.fill('#add-form input[name=year]', year);
        await Promise.all([noScript.waitForNavigation(), noScript.click('#add-form button[type=submit]')]);
      };
      await submit('Solaris', '1972');
      expect(noScript.url()).toBe(`${app.url}/`);
      expect(await noScript.locator('#movies li', { hasText: 'Solaris' }).textContent()).toContain('(1972)');
      await submit('');
      expect(await noScript.locator('#add-form [data-field=title]').textContent()).toBe('A movie needs a title.');
      await submit('Alien');
      expect(await noScript.locator('#add-form .form-error').textContent()).toBe('"Alien" is already in the list.');
      await submit('Brazil', 'nineteen');
      expect(await noScript.locator('#add-form [data-field=year]').textContent()).toBe(
        'Enter the year as a number, like 1995.',
      );
      await Promise.all([noScript.waitForNavigation(), noScript.click('#poster-form button[type=submit]')]);
      expect(await noScript.locator('#poster-form [data-field=poster]').textContent()).toBe(
        'Choose an image to upload.',
      );
      // Exactly once: the next view of the page shows no stale message.
      await noScript.goto(app.url);
      expect(await noScript.locator('#add-form .form-error').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  // Every page, signed out, as a guest and as an admin, with JavaScript and without (its scripts refused,
  // so the page is the server's HTML as a browser without JavaScript shows it).
  it('passes an axe-core scan with no serious or critical finding on every page, in every sign-in state, JavaScript on and off', async () => {
    const axe = readFileSync(AXE, 'utf8');
    const findings: string[] = [];
    for (const javaScript of [true, false]) {
      for (const role of [null, 'guest', 'admin'] as const) {
        const context = await browser.newContext();
        const scan = await context.newPage();
        watchCsp(scan);
        if (!javaScript) {
          await scan.route('**/*', (route) =>
            route.request().resourceType() === 'script' ? route.abort() : route.continue(),
          );
        }
        try {
          if (role) {
            await scan.goto(`${app.url}/login`);
            if (javaScript) await scan.waitForSelector('html[data-hydrated]');
            await Promise.all([
              scan.waitForURL((url) => url.pathname !== '/login'),
              scan.click(role === 'admin' ? '#sign-in' : '#sign-in-guest'),
            ]);
          }
          for (const path of ['/', '/ratings', '/login', '/admin', '/admin/movies/1', '/nowhere']) {
            await scan.goto(`${app.url}${path}`);
            if (javaScript) await scan.waitForSelector('html[data-hydrated]');
            // Evaluated, not added as a script element: the page's CSP refuses inline scripts.
            const violations: { id: string; impact: string; nodes: { target: string[] }[] }[] = await scan.evaluate(
              `${axe}\n;window.axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)`,
            );
            for (const violation of violations) {
              if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
              const where = violation.nodes.map((node) => node.target.join(' ')).join(', ');
              findings.push(
                `${path} (${role ?? 'signed out'}, JS ${javaScript ? 'on' : 'off'}): ${violation.impact} ${violation.id} at ${where}`,
              );
            }
          }
        } finally {
          await context.close();
        }
      }
    }
    expect(findings).toEqual([]);
  }, 120_000);

  it('answers every method but POST on its endpoints with 405, as mounted with .all', async () => {
    for (const path of ['/__actions', '/__loaders']) {
      const response = await fetch(`${app.url}${path}`);
      expect([response.status, response.headers.get('allow')]).toEqual([405, 'POST']);
    }
  });

  it('serves its pages with the security headers, and the browser refused nothing under their CSP', async () => {
    const response = await fetch(app.url);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(cspViolations).toEqual([]);
  });

  it('never sent the browser a server-only marker, source maps included', async () => {
    const maps = bodies.filter(
      (body) => /\.js$/.test(new URL(body.url).pathname) && body.text.includes('sourceMappingURL='),
    );
    for (const script of maps) {
      const name = /sourceMappingURL=([^\s]+)/.exec(script.text)?.[1] as string;
      if (name.startsWith('data:')) continue;
      const map = await fetch(new URL(name, script.url));
      bodies.push({ url: map.url, status: map.status, text: await map.text() });
    }
    expect(bodies.length).toBeGreaterThan(10);
    // The search had something to search: the app's scripts, and under dev the server modules as served.
    expect(bodies.some((body) => /\.(?:js|tsx?)$/.test(new URL(body.url).pathname) && body.text.length > 1000)).toBe(
      true,
    );
    if (script === 'dev') {
      const served = bodies.find((body) => new URL(body.url).pathname === '/src/pages/movies.server.ts');
      expect(served?.text).toMatch(/Client stub of server module/);
    }
    const leaks = bodies.filter((body) => /SERVER_MARKER/.test(body.text)).map((body) => body.url);
    expect(leaks).toEqual([]);
  });
});
