// The origin check, table-driven (origin-table.ts), for every door a browser can knock on: POST
// /__actions, POST /__loaders and a form posted to its page without JavaScript. On every refusal nothing
// ran (no app middleware, no page layer, no guard, no unit), the body was never read, the refusal was
// logged with the request id the client got, and a page post set no cookie and went nowhere. The same
// table then runs over real HTTP through @hono/node-server, where the Host header makes the request's URL.
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { h } from 'preact';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { actionsHandler, type HandlerOptions, loadersHandler, renderPage } from '../../runtime/server/index.ts';
import { rawRequest } from '../helpers/raw-request.ts';
import appConfig from './app/app-config.ts';
import { listen, type RunningServer } from './app/build-app.ts';
import { journal } from './app/journal.ts';
import { glob, ROOT } from './app/server.ts';
import { CONFIGS, JSON_TYPE, ORIGIN_ROWS, type OriginRow } from './origin-table.ts';

interface Logged {
  requestId: string;
  reason?: string;
}
const logged: Logged[] = [];

function appWith(options: HandlerOptions) {
  const settings: HandlerOptions = {
    app: appConfig,
    root: ROOT,
    onError: (_error, info) => logged.push({ requestId: info.requestId, reason: info.reason }),
    ...options,
  };
  const actions = actionsHandler(glob, settings);
  const loaders = loadersHandler(glob, settings);
  return new Hono()
    .post('/__actions', actions)
    .post('/__loaders', loaders)
    .on(['GET', 'POST'], '/page', (c) => renderPage(c, h('main', null, 'the page'), { actions, loaders }));
}

const apps = Object.fromEntries(Object.entries(CONFIGS).map(([name, options]) => [name, appWith(options)]));

const TARGETS = {
  '/__actions': '/__actions?module=chain&action=run',
  '/__loaders': '/__loaders?module=chain&loader=default',
  'a no-JS page post': '/page?module=chain&action=run',
} as const;
type Target = keyof typeof TARGETS;

function bodyFor(target: Target, type: string | null): string {
  const media = type?.split(';')[0]?.trim().toLowerCase();
  if (media === 'application/json') {
    return target === '/__loaders'
      ? JSON.stringify({ module: 'chain', loader: 'default', location: { path: '/' } })
      : JSON.stringify({ module: 'chain', action: 'run', payload: {} });
  }
  if (media === 'multipart/form-data') {
    return '--hpaBoundary\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--hpaBoundary--\r\n';
  }
  return 'title=x';
}

function headersOf(row: OriginRow): Record<string, string> {
  const type = row.type === undefined ? 'application/x-www-form-urlencoded' : row.type;
  return { host: 'shop.example', ...(type === null ? {} : { 'content-type': type }), ...row.headers };
}

/** A body that records whether anyone pulled a byte of it. */
function watchedBody(text: string) {
  const watch = { read: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        watch.read = true;
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, watch };
}

beforeEach(() => {
  journal.reset();
  logged.length = 0;
});

const cases = ORIGIN_ROWS.flatMap((row) =>
  (Object.keys(TARGETS) as Target[]).map((target) => [`${row.from}: ${row.name} (${target})`, row, target] as const),
);

function expectNothingRan() {
  expect(journal.log).toEqual([]);
  expect(journal.unitCalls).toBe(0);
  expect(journal.loaderCalls).toBe(0);
}

async function expectAnswer(
  row: OriginRow,
  target: Target,
  status: number,
  text: string,
  setCookie: unknown[],
  location: unknown,
) {
  if (row.allow) {
    expect(status).not.toBe(403);
    const type = headersOf(row)['content-type'];
    if (target === 'a no-JS page post') expect(status).toBe(303);
    else if (type === JSON_TYPE || (target === '/__actions' && type !== undefined && !type.startsWith('text/'))) {
      expect(status).toBe(200);
      expect(journal.unitCalls).toBe(1);
    }
    return;
  }
  const reason = row.reason ?? 'CROSS_SITE';
  expect(status).toBe(403);
  expectNothingRan();
  expect(logged.map((entry) => entry.reason)).toEqual([reason]);
  if (target === 'a no-JS page post') {
    expect(setCookie).toEqual([]);
    expect(location).toBeUndefined();
    expect(text).toMatch(/^<!doctype html><title>Forbidden<\/title>/);
    const shown = text.replace(/&#(\d+);/g, (_entity, code) => String.fromCharCode(Number(code)));
    if (row.message) expect(shown).toContain(row.message);
    return;
  }
  const { error } = JSON.parse(text);
  expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403, reason });
  expect(error.requestId).toBe(logged[0]?.requestId);
  expect(error.message.length).toBeLessThan(400);
  if (row.message) expect(error.message).toContain(row.message);
}

describe('the origin check, in process', () => {
  it('covers the peers and every finding', () => {
    expect(ORIGIN_ROWS.length).toBeGreaterThanOrEqual(60);
    for (const peer of ['Hono', 'SvelteKit', 'Astro', 'Next.js', 'React Router']) {
      expect(ORIGIN_ROWS.some((row) => row.from.includes(peer))).toBe(true);
    }
    for (const item of [1, 2, 3, 4, 5, 6, 8, 9, 10]) {
      expect(ORIGIN_ROWS.some((row) => new RegExp(`item ${item}\\b`).test(row.from))).toBe(true);
    }
  });

  it.each(cases)('%s', async (_name, row, target) => {
    const { stream, watch } = watchedBody(bodyFor(target, headersOf(row)['content-type'] ?? null));
    const app = apps[row.config ?? 'plain'] as Hono;
    const response = await app.request(
      new Request(`http://shop.example${TARGETS[target]}`, {
        method: 'POST',
        headers: headersOf(row),
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    // Decided and answered from headers alone: no byte was pulled when the answer came. (Afterwards the
    // refusal drains what the client still sends, so the answer is not lost to a reset; a refused page
    // post drains it before its page answers, and for it "nothing ran" below is the check.)
    const readWhenAnswered = watch.read;
    const text = await response.text();
    if (!row.allow && target !== 'a no-JS page post') expect(readWhenAnswered).toBe(false);
    await expectAnswer(
      row,
      target,
      response.status,
      text,
      response.headers.getSetCookie(),
      response.headers.get('location') ?? undefined,
    );
  });
});

describe('the origin check, over HTTP', () => {
  const servers: Record<string, RunningServer> = {};
  beforeAll(async () => {
    for (const [name, app] of Object.entries(apps)) servers[name] = await listen(app);
  });
  afterAll(async () => {
    for (const server of Object.values(servers)) await server.close();
  });

  it.each(cases)('%s', async (_name, row, target) => {
    const server = servers[row.config ?? 'plain'] as RunningServer;
    const response = await rawRequest(`${server.url}${TARGETS[target]}`, {
      headers: headersOf(row),
      body: bodyFor(target, headersOf(row)['content-type'] ?? null),
    });
    const setCookie = response.headers['set-cookie'] ?? [];
    await expectAnswer(row, target, response.status, response.text, setCookie as unknown[], response.headers.location);
  });
});

describe('allowedOrigins and allowedHosts entries', () => {
  const never = [
    ['', 'is empty'],
    ['  ', 'is empty'],
    ['*', 'every site'],
    ['**', 'every site'],
    ['null', 'sandboxed'],
    ['https://shop.example/app', 'not an origin'],
    ['https://shop.example?x=1', 'not an origin'],
    ['https://user@shop.example', 'not an origin'],
    ['ftp://shop.example', 'not an http or https origin'],
    ['https://a*.example.com', 'leftmost label'],
    ['https://x.*.example.com', 'leftmost label'],
    ['https://*.com', 'every site under "com"'],
    ['**.localhost', 'every site under "localhost"'],
  ] as const;

  it.each(never)('refuses %j at creation, naming it', (entry, why) => {
    for (const option of ['allowedOrigins', 'allowedHosts'] as const) {
      const create = () => actionsHandler(glob, { root: ROOT, [option]: [entry] });
      expect(create).toThrow(`the ${option} entry ${JSON.stringify(entry)}`);
      expect(create).toThrow(why);
    }
  });

  it('takes the forms peers use: a bare host, capitals, a trailing slash, a default port', () => {
    for (const entry of ['vercel.com', 'https://VERCEL.COM', 'https://vercel.com/', 'https://vercel.com:443']) {
      expect(() => actionsHandler(glob, { root: ROOT, allowedOrigins: [entry] })).not.toThrow();
    }
  });
});

describe('a page view for a host outside allowedHosts', () => {
  it('is refused before any loader or page middleware runs; a pinned host renders', async () => {
    const app = apps.pinnedHosts as Hono;
    const refused = await app.request('http://alias.example/page', { headers: { host: 'alias.example' } });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('not in allowedHosts');
    expectNothingRan();
    const served = await app.request('http://shop.example/page', { headers: { host: 'shop.example' } });
    expect(served.status).toBe(200);
  });
});

describe('refusals in the log', () => {
  it('are one console.warn line with the request id by default, never a stack', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const app = new Hono().post('/__actions', actionsHandler(glob, { root: ROOT }));
      const response = await app.request('http://shop.example/__actions', {
        method: 'POST',
        headers: { 'content-type': JSON_TYPE, origin: 'https://evil.example' },
        body: '{}',
      });
      const { error: wire } = await response.json();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]).toEqual([
        `[hono-preact-actions] request ${wire.requestId} refused (CROSS_SITE): ${wire.message}`,
      ]);
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});

describe('allowRequest', () => {
  it('is asked only about what the check refuses, before the body is read, with the request and context', async () => {
    const asked: string[] = [];
    const app = appWith({
      allowRequest: (request, c) => {
        asked.push(`${request.headers.get('origin')} ${c.req.path}`);
        return false;
      },
    });
    const post = (origin: string) => {
      const { stream, watch } = watchedBody('title=x');
      const request = new Request('http://shop.example/__actions?module=chain&action=run', {
        method: 'POST',
        headers: { host: 'shop.example', 'content-type': 'application/x-www-form-urlencoded', origin },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      return { response: app.request(request), watch };
    };
    const own = post('http://shop.example');
    expect((await own.response).status).toBe(200);
    const evil = post('https://evil.example');
    const refused = await evil.response;
    expect(evil.watch.read).toBe(false);
    expect(refused.status).toBe(403);
    expect(asked).toEqual(['https://evil.example /__actions']);
  });
});

describe('CORS with hono/cors in front', () => {
  const partner = 'https://partner.example';
  const withCors = (options: HandlerOptions) =>
    new Hono()
      .use('/__actions', cors({ origin: partner, allowMethods: ['POST'], allowHeaders: ['content-type'] }))
      .post('/__actions', actionsHandler(glob, { root: ROOT, onError: () => {}, ...options }));
  const call = (app: Hono, origin: string) =>
    app.request('http://shop.example/__actions', {
      method: 'POST',
      headers: { host: 'shop.example', 'content-type': JSON_TYPE, origin, 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ module: 'movies', action: 'echo', payload: { n: 1 } }),
    });

  it('answers the preflight from hono/cors, and the handler never sees it', async () => {
    const app = withCors({ allowedOrigins: [partner] });
    const preflight = await app.request('http://shop.example/__actions', {
      method: 'OPTIONS',
      headers: {
        origin: partner,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(partner);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(journal.unitCalls).toBe(0);
  });

  it('still origin-checks the POST: CORS lets the partner read answers, allowedOrigins lets it call', async () => {
    const corsOnly = await call(withCors({}), partner);
    expect(corsOnly.status).toBe(403);
    expect(journal.unitCalls).toBe(0);

    const both = await call(withCors({ allowedOrigins: [partner] }), partner);
    expect(both.status).toBe(200);
    expect(both.headers.get('access-control-allow-origin')).toBe(partner);
    expect(journal.unitCalls).toBe(1);

    const stranger = await call(withCors({ allowedOrigins: [partner] }), 'https://evil.example');
    expect(stranger.status).toBe(403);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    expect(journal.unitCalls).toBe(1);
  });
});
