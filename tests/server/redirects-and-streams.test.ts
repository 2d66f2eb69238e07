// The no-JS form path and redirects under hostile input: a streamed action posted from a form is
// read without being kept, and every redirect the runtime answers stays on the site unless allowed.
import { Hono } from 'hono';
import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getLoaderData } from '../../runtime/index.ts';
import { actionsHandler, loadersHandler, renderPage, type HandlerOptions } from '../../runtime/server/index.ts';
import hostileLoader from './app/pages/hostile.server.ts';
import { journal } from './app/journal.ts';
import { glob, ROOT } from './app/server.ts';

function appWith(options: HandlerOptions = {}) {
  const settings = { root: ROOT, onError: () => {}, ...options };
  const actions = actionsHandler(glob, settings);
  const loaders = loadersHandler(glob, settings);
  return new Hono()
    .post('/__actions', actions)
    .get('/landing', (c) => renderPage(c, h(Landing, null), { actions, loaders }))
    .on(['GET', 'POST'], '*', (c) => renderPage(c, h('main', null, 'page'), { actions, loaders }));
}

const Landing = getLoaderData(() => h('main', null, 'landing'), { serverLoader: hostileLoader });

const app = appWith();
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
const post = (target: Hono, url: string, body: string, init: RequestInit = {}) =>
  target.request(url, { method: 'POST', headers: FORM, body, ...init });
const resultOf = (response: Response) => {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('hpa-result=')) ?? '';
  return JSON.parse(decodeURIComponent(cookie.slice('hpa-result='.length).split(';')[0] ?? ''));
};

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  journal.reset();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe('a streaming action posted from a form without JavaScript', () => {
  it('is read to its end and the page gets the last chunk, not a 500', async () => {
    const response = await post(app, 'http://localhost/list?module=hostile&action=countTo', 'to=1000');
    expect(response.status).toBe(303);
    expect(journal.unitCalls).toBe(1);
    expect(resultOf(response)).toMatchObject({ module: 'hostile', action: 'countTo', data: { count: 1000 } });
  });

  it('tells the page of an error midway', async () => {
    const response = await post(app, 'http://localhost/list?module=hostile&action=breaks', 'x=1');
    expect(response.status).toBe(303);
    expect(resultOf(response).error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', reason: 'UNEXPECTED' });
  });

  it('reads an endless producer without keeping it, until the client leaves', async () => {
    const controller = new AbortController();
    const heapBefore = process.memoryUsage().heapUsed;
    const answered = Promise.resolve(
      post(app, 'http://localhost/list?module=hostile&action=endless', 'x=1', { signal: controller.signal }),
    ).catch((error: Error) => error);
    // Long enough for gigabytes at the producer's pace, had the chunks been kept.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    controller.abort();
    await answered;
    await vi.waitFor(() => expect(journal.aborted).toEqual(['endless saw abort']));
    expect(heapGrowth).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('the way back after a form post stays on the site', () => {
  it.each(['//evil.example', '///evil.example', '/.//evil.example', '/\\evil.example', '/%2F/evil.example'])(
    'a post to %s',
    async (path) => {
      const response = await post(app, `http://localhost${path}?module=hostile&action=echo`, 'x=1');
      expect(response.status).toBe(303);
      const location = response.headers.get('location') as string;
      expect(new URL(location, 'http://localhost/').origin).toBe('http://localhost');
      expect(location.startsWith('//') || location.startsWith('/\\')).toBe(false);
    },
  );

  it('keeps an ordinary page and its query', async () => {
    const response = await post(app, 'http://localhost/movies?module=hostile&action=echo&tab=2', 'x=1');
    expect(response.headers.get('location')).toBe('/movies?tab=2');
  });
});

const offSite = [
  'https://evil.example/x',
  '//evil.example/x',
  '/\\evil.example/x',
  '/.//evil.example/x',
  'javascript:alert(1)',
];

describe('a redirect() outcome', () => {
  it.each(offSite)('to %s is refused on the no-JS path, and logged', async (to) => {
    const response = await post(app, 'http://localhost/p?module=hostile&action=away', `to=${encodeURIComponent(to)}`);
    const location = response.headers.get('location');
    if (location !== null) expect(new URL(location, 'http://localhost/').origin).toBe('http://localhost');
    expect(resultOf(response).error).toMatchObject({ status: 400, reason: 'UNSAFE_REDIRECT' });
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain(JSON.stringify(to));
  });

  it.each(offSite)('to %s is refused on an RPC call with 400 UNSAFE_REDIRECT', async (to) => {
    const response = await app.request('http://localhost/__actions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ module: 'hostile', action: 'away', payload: { to } }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'BAD_REQUEST', reason: 'UNSAFE_REDIRECT' });
  });

  it('follows a same-origin target, and an origin listed in allowedRedirects', async () => {
    const same = await post(app, 'http://localhost/p?module=hostile&action=away', 'to=/done%3Fok%3D1');
    expect(same.headers.get('location')).toBe('/done?ok=1');
    const allowing = appWith({ allowedRedirects: ['https://auth.example'] });
    const external = await post(
      allowing,
      'http://localhost/p?module=hostile&action=away',
      'to=https://auth.example/login',
    );
    expect(external.headers.get('location')).toBe('https://auth.example/login');
    const rpc = await allowing.request('http://localhost/__actions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ module: 'hostile', action: 'away', payload: { to: 'https://auth.example/login' } }),
    });
    expect(await rpc.json()).toEqual({
      __outcome: 'redirect',
      to: 'https://auth.example/login',
      status: 303,
      external: true,
    });
  });
});

describe("a page loader's redirect() on the server render", () => {
  it.each(offSite)('to %s is refused with a 400 page, and logged', async (to) => {
    const response = await app.request(`http://localhost/landing?to=${encodeURIComponent(to)}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
  });

  it('is followed on the site, and to an origin in allowedRedirects', async () => {
    const inside = await app.request('http://localhost/landing?to=/inside');
    expect([inside.status, inside.headers.get('location')]).toEqual([302, '/inside']);
    const allowing = appWith({ allowedRedirects: ['https://auth.example'] });
    const external = await allowing.request('http://localhost/landing?to=https://auth.example/login');
    expect(external.headers.get('location')).toBe('https://auth.example/login');
  });
});
