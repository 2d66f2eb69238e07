// <Form> in Chromium with JavaScript on and off: the same controls, filled and submitted by a person's
// clicks, must give the action one payload both ways, and the one the coercion table says
// (tests/server/form-cases.ts). A tiny page: the server renders one <Form>, client.ts hydrates it.
import { join } from 'node:path';
import { build } from 'esbuild';
import { Hono } from 'hono';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type Browser, chromium, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPage } from '../../runtime/server/index.ts';
import { listen, type RunningServer } from '../server/app/build-app.ts';
import { multipartBody } from '../helpers/browser-form-body.ts';
import { describeReceived, FORM_CASES } from '../server/form-cases.ts';
import { actionName, createTableApp } from '../server/form-table.ts';
import { type Control, FormPage, type PageSpec } from './form-page/page.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface ChosenFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

interface BrowserCase {
  /** The table case whose payload this must give. */
  table: string;
  controls: Control[];
  files?: Record<string, ChosenFile[]>;
  /** The submit button to click, by its text. */
  click?: string;
}

const text = (name: string, value: string): Control => ({ input: 'text', name, value });
const number = (name: string, value: string): Control => ({ input: 'number', name, value });

const CASES: BrowserCase[] = [
  {
    table: 'checkbox: checked is true, unchecked (absent) is false, even with default(true)',
    controls: [
      { checkbox: 'on', checked: true },
      { checkbox: 'off', checked: false },
      { checkbox: 'keep', checked: false },
    ],
  },
  {
    table: 'checkbox group: several checked, and none checked is []',
    controls: [
      { checkbox: 'genres', value: 'sf', checked: true },
      { checkbox: 'genres', value: 'drama', checked: false },
      { checkbox: 'genres', value: 'noir', checked: true },
      { checkbox: 'moods', value: 'calm', checked: false },
    ],
  },
  {
    table: 'numbers: spaces around, exponent, negative and decimal',
    controls: [text('a', ' 5 '), number('b', '1e3'), number('c', '-2.5'), number('d', '7')],
  },
  {
    table: 'numbers: blank is left out when optional, null when nullable, the default when it has one',
    controls: [number('a', ''), number('b', ''), number('c', ''), number('d', '')],
  },
  {
    table: 'submit button: the clicked button is a field like any other',
    controls: [
      text('title', 'Dune'),
      { button: 'Save', name: 'intent', value: 'save' },
      { button: 'Delete', name: 'intent', value: 'delete' },
    ],
    click: 'Delete',
  },
  {
    table: 'Astro: a nested discriminated union, second variant',
    controls: [
      text('name', 'Ben'),
      { select: 'contact.type', options: ['email', 'phone'], selected: 'phone' },
      text('contact.phone', '555-1234'),
    ],
  },
  {
    table: 'cause 1: a dotted name fills a nested object (was dropped)',
    controls: [text('name', 'Ada'), text('address.zip', '12345')],
  },
  {
    table: 'cause 6: number or a word: the word stays a word',
    controls: [text('width', 'auto')],
  },
  {
    table: 'dates: a date input and a datetime-local input become Dates; blank optional is left out',
    controls: [
      { input: 'date', name: 'day', value: '2024-01-31' },
      { input: 'datetime-local', name: 'at', value: '2024-01-31T10:30' },
      { input: 'date', name: 'until', value: '' },
    ],
  },
  {
    table: 'files: an empty file input is left out when optional',
    controls: [text('title', 'No poster'), { file: 'poster' }],
  },
  {
    table: 'Astro: a chosen file is kept',
    controls: [{ file: 'file' }],
    files: { file: [{ name: 'test.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') }] },
  },
  {
    table: 'files: several chosen in one input',
    controls: [{ file: 'photos', multiple: true }],
    files: {
      photos: [
        { name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('png!') },
        { name: 'b.png', mimeType: 'image/png', buffer: Buffer.from('png!!') },
      ],
    },
  },
  {
    table: 'files: an empty multiple file input is []',
    controls: [{ file: 'photos', multiple: true }],
  },
];

const { handler, received } = createTableApp(FORM_CASES);
const indexOf = (name: string) => {
  const index = FORM_CASES.findIndex((formCase) => formCase.name === name);
  if (index < 0) throw new Error(`No table case named ${name}`);
  return index;
};

let server: RunningServer;
let browser: Browser;
const pages: Record<'on' | 'off', Page | undefined> = { on: undefined, off: undefined };

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'form-page', 'client.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  const clientJs = bundle.outputFiles[0]?.text ?? '';
  const app = new Hono()
    .post('/__actions', handler)
    .get('/client.js', (c) => c.body(clientJs, 200, { 'content-type': 'text/javascript' }))
    .get('/page/:index', (c) => {
      const formCase = CASES[Number(c.req.param('index'))] as BrowserCase;
      const spec: PageSpec = { action: actionName('zod', indexOf(formCase.table)), controls: formCase.controls };
      const json = JSON.stringify(spec).replaceAll('<', '\\u003c');
      return c.html(
        `<!doctype html><html><head><title>form</title></head><body><div id="root">${renderToString(h(FormPage, spec))}</div>` +
          `<script type="application/json" id="spec">${json}</script><script type="module" src="/client.js"></script></body></html>`,
      );
    })
    // Without JavaScript the form posts to its page, which runs the action and redirects back.
    .post('/page/:index', (c) => renderPage(c, h('div', null), { actions: handler }));
  server = await listen(app);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  // One page for each JavaScript state, reused: closing a page right after a form post can hang.
  for (const js of ['on', 'off'] as const) {
    const page = await (await browser.newContext({ javaScriptEnabled: js === 'on' })).newPage();
    // A step that hangs fails here, naming itself, well before the test's own timeout.
    page.setDefaultTimeout(10_000);
    pages[js] = page;
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function submitIn(js: 'on' | 'off', index: number): Promise<unknown> {
  const formCase = CASES[index] as BrowserCase;
  const page = pages[js] as Page;
  await page.goto(`${server.url}/page/${index}`);
  if (js === 'on') await page.waitForSelector('body[data-hydrated]');
  for (const [name, files] of Object.entries(formCase.files ?? {})) {
    await page.setInputFiles(`input[type=file][name="${name}"]`, files);
  }
  received.payload = undefined;
  const posts: string[] = [];
  const onRequest = (request: Request) => {
    if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
  };
  page.on('request', onRequest);
  await page.getByRole('button', { name: formCase.click ?? 'Send' }).click();
  await expect.poll(() => received.payload, { timeout: 5_000 }).toBeDefined();
  page.off('request', onRequest);
  // With JavaScript <Form> calls the action itself; without, the browser posts the form to its page.
  expect(posts).toEqual([js === 'on' ? '/__actions' : `/page/${index}`]);
  return describeReceived(received.payload);
}

describe('<Form> in Chromium, JavaScript on and off', () => {
  it.each(CASES.map((formCase, index) => ({ title: formCase.table, index })))('$title', async ({ title, index }) => {
    const expected = FORM_CASES[indexOf(title)]?.expect;
    if (!expected || !('payload' in expected)) throw new Error('a browser case needs a payload to compare');
    const withJs = await submitIn('on', index);
    const withoutJs = await submitIn('off', index);
    expect(withoutJs).toEqual(withJs);
    expect(withJs).toEqual(expected.payload);
  });
});

describe('<Form> uploads in Chromium without JavaScript', () => {
  it('posts the chosen file itself, bytes and all, with no enctype written by the user', async () => {
    const index = CASES.findIndex((formCase) => formCase.table === 'Astro: a chosen file is kept');
    await submitIn('off', index);
    const file = (received.payload as { file: File }).file;
    expect(file).toBeInstanceOf(File);
    expect(await file.text()).toBe('hello');
    expect(file.type).toBe('text/plain');
  });
});

describe('the server table posts what Chromium posts', () => {
  it.each([
    // (Playwright does not hand over a body that carries a chosen file's bytes, so no filled file here.)
    'files: an empty file input is left out when optional',
    'cause 1: a dotted name fills a nested object (was dropped)',
  ])('%s: the hand-written multipart body is byte for byte the one Chromium sent', async (table) => {
    const index = CASES.findIndex((formCase) => formCase.table === table);
    const page = pages.off as Page;
    const sent = page
      .waitForRequest((request) => request.method() === 'POST')
      .then((request) => ({
        contentType: request.headers()['content-type'] ?? '',
        body: request.postDataBuffer(),
      }));
    const submitted = submitIn('off', index);
    const { contentType, body } = await sent;
    await submitted;
    const boundary = /boundary=(.+)$/.exec(contentType)?.[1] as string;
    const fields = FORM_CASES[indexOf(table)]?.fields ?? [];
    expect(contentType).toBe(`multipart/form-data; boundary=${boundary}`);
    expect(body?.toString('latin1')).toBe(Buffer.from(multipartBody(fields, boundary).body).toString('latin1'));
  });
});
