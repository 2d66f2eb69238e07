// Bad requests, each with its documented status, code and reason. The unit never runs, and the
// server keeps serving after every one of them.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../helpers/raw-request.ts';
import { journal } from './app/journal.ts';
import { createApp, listen, type RunningServer } from './app/server.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await listen(createApp());
});
afterAll(() => server.close());

const JSON_TYPE = { 'content-type': 'application/json' };
/** What a browser adds to a post from one of this app's own pages: the rows below test what comes after the origin check. */
const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' };
const call = (module: unknown, action: unknown, payload: unknown = {}) => JSON.stringify({ module, action, payload });

function multipart(fields: [string, string][], boundary = 'hpaBoundary') {
  const body = fields
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...SAME_ORIGIN },
    body: `${body}--${boundary}--\r\n`,
  };
}

interface BadRequest {
  name: string;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  code: string;
  reason: string;
}

const manyFields = Array.from({ length: 10_000 }, (_, i) => [`f${i}`, 'x'] as [string, string]);
const manyFieldsMultipart = multipart(manyFields);

const table: BadRequest[] = [
  {
    name: 'malformed JSON',
    headers: JSON_TYPE,
    body: '{"module": "movies",',
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'MALFORMED_JSON',
  },
  { name: 'empty JSON body', headers: JSON_TYPE, body: '', status: 400, code: 'BAD_REQUEST', reason: 'MALFORMED_JSON' },
  {
    name: 'a JSON array',
    headers: JSON_TYPE,
    body: '[1,2]',
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'MISSING_FIELD',
  },
  {
    name: 'a JSON string',
    headers: JSON_TYPE,
    body: '"add"',
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'MISSING_FIELD',
  },
  { name: 'JSON null', headers: JSON_TYPE, body: 'null', status: 400, code: 'BAD_REQUEST', reason: 'MISSING_FIELD' },
  {
    name: 'no module',
    headers: JSON_TYPE,
    body: JSON.stringify({ action: 'add' }),
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'MISSING_FIELD',
  },
  {
    name: 'no action',
    headers: JSON_TYPE,
    body: JSON.stringify({ module: 'movies' }),
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'MISSING_FIELD',
  },
  {
    name: 'module as a number',
    headers: JSON_TYPE,
    body: call(7, 'add'),
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'MISSING_FIELD',
  },
  {
    name: 'action as an object',
    headers: JSON_TYPE,
    body: call('movies', { name: 'add' }),
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'MISSING_FIELD',
  },
  {
    name: 'unknown module',
    headers: JSON_TYPE,
    body: call('nope', 'add'),
    status: 404,
    code: 'NOT_FOUND',
    reason: 'UNKNOWN_MODULE',
  },
  {
    name: 'unknown action',
    headers: JSON_TYPE,
    body: call('movies', 'nope'),
    status: 404,
    code: 'NOT_FOUND',
    reason: 'UNKNOWN_ACTION',
  },
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty'].flatMap((name): BadRequest[] => [
    {
      name: `module ${name}`,
      headers: JSON_TYPE,
      body: call(name, 'add'),
      status: 404,
      code: 'NOT_FOUND',
      reason: 'UNKNOWN_MODULE',
    },
    {
      name: `action ${name}`,
      headers: JSON_TYPE,
      body: call('movies', name),
      status: 404,
      code: 'NOT_FOUND',
      reason: 'UNKNOWN_ACTION',
    },
  ]),
  ...[
    '../movies',
    'admin/../movies',
    '/movies',
    './movies',
    'movies.server.ts',
    'pages/movies',
    'x'.repeat(10_000),
  ].map((module): BadRequest => ({
    name: `module path ${module.slice(0, 20)}`,
    headers: JSON_TYPE,
    body: call(module, 'add'),
    status: 404,
    code: 'NOT_FOUND',
    reason: 'UNKNOWN_MODULE',
  })),
  {
    name: '__proto__ in the payload',
    headers: JSON_TYPE,
    body: '{"module":"movies","action":"echo","payload":{"__proto__":{"polluted":true}}}',
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'FORBIDDEN_KEY',
  },
  {
    name: 'nested __proto__',
    headers: JSON_TYPE,
    body: '{"module":"movies","action":"echo","payload":{"a":[{"__proto__":{"x":1}}]}}',
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'FORBIDDEN_KEY',
  },
  {
    name: 'text/plain body',
    headers: { 'content-type': 'text/plain', ...SAME_ORIGIN },
    body: call('movies', 'add'),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    reason: 'UNSUPPORTED_CONTENT_TYPE',
  },
  {
    name: 'no content type',
    headers: SAME_ORIGIN,
    body: call('movies', 'add'),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    reason: 'UNSUPPORTED_CONTENT_TYPE',
  },
  {
    name: 'application/xml',
    headers: { 'content-type': 'application/xml', ...SAME_ORIGIN },
    body: '<call/>',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    reason: 'UNSUPPORTED_CONTENT_TYPE',
  },
  { name: 'GET', method: 'GET', status: 405, code: 'METHOD_NOT_SUPPORTED', reason: 'METHOD' },
  {
    name: 'PUT',
    method: 'PUT',
    headers: JSON_TYPE,
    body: call('movies', 'add'),
    status: 405,
    code: 'METHOD_NOT_SUPPORTED',
    reason: 'METHOD',
  },
  {
    name: 'a cross-site Origin',
    headers: { ...JSON_TYPE, origin: 'https://evil.example' },
    body: call('movies', 'add'),
    status: 403,
    code: 'FORBIDDEN',
    reason: 'CROSS_SITE',
  },
  {
    name: 'Sec-Fetch-Site: cross-site',
    headers: { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' },
    body: call('movies', 'add'),
    status: 403,
    code: 'FORBIDDEN',
    reason: 'CROSS_SITE',
  },
  {
    name: 'Sec-Fetch-Site: same-site',
    headers: { ...JSON_TYPE, 'sec-fetch-site': 'same-site', origin: 'https://sub.127.0.0.1' },
    body: call('movies', 'add'),
    status: 403,
    code: 'FORBIDDEN',
    reason: 'CROSS_SITE',
  },
  {
    name: 'a cross-site form post as text/plain',
    headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
    body: 'x',
    status: 403,
    code: 'FORBIDDEN',
    reason: 'CROSS_SITE',
  },
  {
    name: 'a cross-site urlencoded form',
    path: '/__actions?module=movies&action=add',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    body: 'title=x',
    status: 403,
    code: 'FORBIDDEN',
    reason: 'CROSS_SITE',
  },
  {
    name: 'Origin: null',
    headers: { ...JSON_TYPE, origin: 'null' },
    body: call('movies', 'add'),
    status: 403,
    code: 'FORBIDDEN',
    reason: 'CROSS_SITE',
  },
  {
    name: 'a forged X-Forwarded-Host without trustProxy',
    headers: { ...JSON_TYPE, origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' },
    body: call('movies', 'add'),
    status: 403,
    code: 'FORBIDDEN',
    reason: 'CROSS_SITE',
  },
  {
    name: 'a 2 MiB JSON body',
    headers: JSON_TYPE,
    body: call('movies', 'add', { title: 'x'.repeat(2 * 1024 * 1024) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    reason: 'BODY_TOO_LARGE',
  },
  {
    name: '2 MiB for an 8 MiB action not named in the URL',
    headers: JSON_TYPE,
    body: call('movies', 'upload', { blob: 'x'.repeat(2 * 1024 * 1024) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    reason: 'BODY_TOO_LARGE',
  },
  {
    name: 'a multipart form with 10,000 fields',
    path: '/__actions?module=movies&action=echo',
    ...manyFieldsMultipart,
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    reason: 'TOO_MANY_FIELDS',
  },
  {
    name: 'an urlencoded form with 10,000 fields',
    path: '/__actions?module=movies&action=echo',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
    body: manyFields.map(([k, v]) => `${k}=${v}`).join('&'),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    reason: 'TOO_MANY_FIELDS',
  },
  {
    name: 'malformed multipart',
    path: '/__actions?module=movies&action=echo',
    headers: { 'content-type': 'multipart/form-data; boundary=expected', ...SAME_ORIGIN },
    body: '--other\r\nnonsense',
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'MALFORMED_BODY',
  },
  {
    name: 'multipart naming a file it lacks',
    ...multipart([
      ['__hpa', JSON.stringify({ module: 'movies', action: 'upload', payload: { poster: { __hpa_file: 0 } } })],
    ]),
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'MALFORMED_BODY',
  },
  {
    name: 'a plain form without its unit in the URL',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
    body: 'title=Dune',
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'MISSING_FIELD',
  },
  {
    name: 'a form field named __proto__',
    path: '/__actions?module=movies&action=echo',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
    body: '__proto__=x',
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'FORBIDDEN_KEY',
  },
  {
    name: 'a form field named constructor',
    path: '/__actions?module=movies&action=echo',
    ...multipart([['constructor', 'x']]),
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'FORBIDDEN_KEY',
  },
  {
    name: 'URL and body naming different actions',
    path: '/__actions?module=movies&action=echo',
    headers: JSON_TYPE,
    body: call('movies', 'crash'),
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'IDENTITY_MISMATCH',
  },
  {
    name: 'an unknown module in the URL',
    path: '/__actions?module=nope&action=add',
    headers: JSON_TYPE,
    body: '{}',
    status: 404,
    code: 'NOT_FOUND',
    reason: 'UNKNOWN_MODULE',
  },
  {
    name: 'only the action in the URL',
    path: '/__actions?action=add',
    headers: JSON_TYPE,
    body: call('movies', 'add'),
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'MISSING_FIELD',
  },
  {
    name: 'a loader location that is not an object',
    path: '/__loaders',
    headers: JSON_TYPE,
    body: JSON.stringify({ module: 'chain', loader: 'default', location: 'x' }),
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'MISSING_FIELD',
  },
  {
    name: 'an unknown loader',
    path: '/__loaders',
    headers: JSON_TYPE,
    body: JSON.stringify({ module: 'chain', loader: 'nope' }),
    status: 404,
    code: 'NOT_FOUND',
    reason: 'UNKNOWN_LOADER',
  },
  {
    name: 'a loader named toString',
    path: '/__loaders',
    headers: JSON_TYPE,
    body: JSON.stringify({ module: 'chain', loader: 'toString' }),
    status: 404,
    code: 'NOT_FOUND',
    reason: 'UNKNOWN_LOADER',
  },
];

async function stillServing() {
  const response = await rawRequest(`${server.url}/__actions`, {
    headers: JSON_TYPE,
    body: call('movies', 'echo', { ok: 1 }),
  });
  expect(response.status).toBe(200);
}

describe('bad requests', () => {
  it('has at least 30 cases', () => expect(table.length).toBeGreaterThanOrEqual(30));

  it.each(table.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    journal.reset();
    const response = await rawRequest(`${server.url}${row.path ?? '/__actions'}`, {
      method: row.method,
      headers: row.headers,
      body: row.body,
    });
    expect(response.status).toBe(row.status);
    const { error } = JSON.parse(response.text);
    expect(error).toMatchObject({ code: row.code, status: row.status, reason: row.reason });
    expect(error.message.length).toBeLessThan(400);
    expect(journal.unitCalls).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await stillServing();
  });

  it('refuses a 50 MiB body sent slowly as soon as it passes the limit, long before it ends', async () => {
    journal.reset();
    const chunk = new Uint8Array(64 * 1024).fill(120);
    let sent = 0;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/__actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const pump = () => {
        if (answered || sent >= 50 * 1024 * 1024) return req.end();
        sent += chunk.byteLength;
        req.write(chunk);
        setTimeout(pump, 2);
      };
      pump();
    });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(8 * 1024 * 1024);
    expect(journal.unitCalls).toBe(0);
    await stillServing();
  });

  it('accepts a same-origin browser call, and a cross-site one from allowedOrigins or a trusted proxy', async () => {
    const sameOrigin = await rawRequest(`${server.url}/__actions`, {
      headers: { ...JSON_TYPE, origin: server.url, 'sec-fetch-site': 'same-origin' },
      body: call('movies', 'echo'),
    });
    expect(sameOrigin.status).toBe(200);
    const noFetchMetadata = await rawRequest(`${server.url}/__actions`, {
      headers: { ...JSON_TYPE, origin: server.url },
      body: call('movies', 'echo'),
    });
    expect(noFetchMetadata.status).toBe(200);
    const configured = await listen(createApp({ allowedOrigins: ['https://admin.example'], trustProxy: true }));
    try {
      const allowed = await rawRequest(`${configured.url}/__actions`, {
        headers: { ...JSON_TYPE, origin: 'https://admin.example', 'sec-fetch-site': 'cross-site' },
        body: call('movies', 'echo'),
      });
      expect(allowed.status).toBe(200);
      const proxied = await rawRequest(`${configured.url}/__actions`, {
        headers: {
          ...JSON_TYPE,
          origin: 'https://shop.example',
          'x-forwarded-host': 'shop.example',
          'x-forwarded-proto': 'https',
        },
        body: call('movies', 'echo'),
      });
      expect(proxied.status).toBe(200);
    } finally {
      await configured.close();
    }
  });
});
