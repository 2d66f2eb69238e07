// Hostile bodies that once stalled, exhausted or misled the server: each is answered with its
// documented 4xx and reason, the unit never runs, and the server goes on serving.
import { connect } from 'node:net';
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
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };

function multipart(fields: [string, string][], boundary = 'hpaBoundary') {
  const body = fields
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'sec-fetch-site': 'same-origin' },
    body: `${body}--${boundary}--\r\n`,
  };
}

async function refused(path: string, headers: Record<string, string>, body: string) {
  journal.reset();
  const response = await rawRequest(`${server.url}${path}`, { headers, body });
  const error = JSON.parse(response.text).error;
  expect(journal.unitCalls).toBe(0);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  const healthy = await rawRequest(`${server.url}/__actions`, {
    headers: JSON_TYPE,
    body: JSON.stringify({ module: 'hostile', action: 'echo', payload: { ok: 1 } }),
  });
  expect(healthy.status).toBe(200);
  return { status: response.status, code: error?.code, reason: error?.reason, message: String(error?.message) };
}

const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);

describe('urlencoded bodies', () => {
  it('refuses a million-field body by its field count', async () => {
    const body = 'a&'.repeat(512 * 1024);
    expect(await refused('/__actions?module=hostile&action=echo', FORM_TYPE, body)).toMatchObject({
      status: 413,
      reason: 'TOO_MANY_FIELDS',
    });
  });

  it('holds urlencoded bodies to the default limit where an action raised its bodyLimit for files', async () => {
    const body = 'a&'.repeat(2.5 * 1024 * 1024);
    expect(await refused('/__actions?module=hostile&action=upload', FORM_TYPE, body)).toMatchObject({
      status: 413,
      reason: 'BODY_TOO_LARGE',
    });
  });

  it('decodes fields as the URL standard says, lenient with stray percent signs', async () => {
    const response = await rawRequest(`${server.url}/__actions?module=hostile&action=echo`, {
      headers: FORM_TYPE,
      body: 'title=Dune+%26+%C3%A9&&odd=100%&bad=%E0%A4&empty=&flag',
    });
    expect(JSON.parse(response.text).data.payload).toEqual({
      title: 'Dune & é',
      odd: '100%',
      bad: '\uFFFD',
      empty: '',
      flag: '',
    });
  });
});

describe('devalue payloads', () => {
  const devalue = (text: string) => JSON.stringify({ module: 'hostile', action: 'echo', devalue: text });

  it('refuses a sparse array of 2^32 - 1 slots before building it', async () => {
    expect(await refused('/__actions', JSON_TYPE, devalue('[[-7,4294967295,0,1],"x"]'))).toMatchObject({
      status: 413,
      reason: 'TOO_LARGE_VALUE',
    });
  });

  it('refuses shared references that spell out a tree of 2^40 values', async () => {
    const flat = Array.from({ length: 40 }, (_, i) => [i + 1, i + 1]);
    flat.push(0 as never);
    expect(await refused('/__actions', JSON_TYPE, devalue(JSON.stringify(flat)))).toMatchObject({
      status: 413,
      reason: 'TOO_LARGE_VALUE',
    });
  });

  it('refuses values nested past the depth limit through references', async () => {
    const flat: unknown[] = Array.from({ length: 1000 }, (_, i) => [i + 1]);
    flat.push('leaf');
    expect(await refused('/__actions', JSON_TYPE, devalue(JSON.stringify(flat)))).toMatchObject({
      status: 400,
      reason: 'TOO_DEEP',
    });
  });

  it('refuses devalue inside a multipart envelope, which our client never sends', async () => {
    const form = multipart([['__hpa', devalue('[[-7,4294967295,0,1],"x"]')]]);
    expect(await refused('/__actions', form.headers, form.body)).toMatchObject({
      status: 400,
      reason: 'MALFORMED_BODY',
    });
  });
});

describe('nesting', () => {
  it('refuses JSON nested 100,000 deep with 400 TOO_DEEP', async () => {
    const body = `{"module":"hostile","action":"echo","payload":${nested(100_000)}}`;
    const answer = await refused('/__actions', JSON_TYPE, body);
    expect(answer).toMatchObject({ status: 400, code: 'BAD_REQUEST', reason: 'TOO_DEEP' });
    expect(answer.message).toContain('64');
  });

  it('refuses a multipart envelope nested 100,000 deep with 400 TOO_DEEP', async () => {
    const form = multipart([['__hpa', `{"module":"hostile","action":"echo","payload":${nested(100_000)}}`]]);
    expect(await refused('/__actions', form.headers, form.body)).toMatchObject({ status: 400, reason: 'TOO_DEEP' });
  });

  it('takes the envelope and 63 levels of payload, and refuses one level more', async () => {
    const at = (depth: number) =>
      rawRequest(`${server.url}/__actions`, {
        headers: JSON_TYPE,
        body: `{"module":"hostile","action":"echo","payload":${nested(depth)}}`,
      });
    expect((await at(63)).status).toBe(200);
    const over = await at(64);
    expect(over.status).toBe(400);
    expect(JSON.parse(over.text).error.reason).toBe('TOO_DEEP');
  });

  it('takes a shallow payload with more brackets than the depth limit, in values and in strings', async () => {
    const payload = { rows: Array.from({ length: 100 }, (_, i) => ({ i, tags: [] })), text: '{['.repeat(100) };
    const response = await rawRequest(`${server.url}/__actions`, {
      headers: JSON_TYPE,
      body: JSON.stringify({ module: 'hostile', action: 'echo', payload }),
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).data.payload).toEqual(payload);
  });

  it('refuses deep nesting after many shallow brackets', async () => {
    const body = `{"module":"hostile","action":"echo","payload":[${'{},'.repeat(100)}${nested(70)}]}`;
    expect(await refused('/__actions', JSON_TYPE, body)).toMatchObject({ status: 400, reason: 'TOO_DEEP' });
  });

  it('still takes a payload nested 60 deep', async () => {
    const response = await rawRequest(`${server.url}/__actions`, {
      headers: JSON_TYPE,
      body: `{"module":"hostile","action":"echo","payload":${nested(60)}}`,
    });
    expect(response.status).toBe(200);
  });
});

describe('keys that could reach a prototype, however they are spelled', () => {
  it.each([
    ['__proto__ by a JSON escape', '{"\\u005f_proto__":{"polluted":1}}'],
    ['__proto__ fully escaped', '{"\\u005f\\u005f\\u0070roto\\u005f\\u005f":{"polluted":1}}'],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":1}}}'],
    ['constructor.prototype by escapes', '{"\\u0063onstructor":{"\\u0070rototype":{"polluted":1}}}'],
  ])('%s in JSON', async (_name, payload) => {
    const body = `{"module":"hostile","action":"echo","payload":${payload}}`;
    expect(await refused('/__actions', JSON_TYPE, body)).toMatchObject({ status: 400, reason: 'FORBIDDEN_KEY' });
  });

  it('in a multipart envelope', async () => {
    const form = multipart([['__hpa', '{"module":"hostile","action":"echo","payload":{"\\u005f_proto__":{}}}']]);
    expect(await refused('/__actions', form.headers, form.body)).toMatchObject({
      status: 400,
      reason: 'FORBIDDEN_KEY',
    });
  });

  it('in devalue, by an escape or through constructor.prototype', async () => {
    for (const text of ['[{"\\u005f_proto__":1},{}]', '[{"constructor":1},{"prototype":2},{}]']) {
      const body = JSON.stringify({ module: 'hostile', action: 'echo', devalue: text });
      expect(await refused('/__actions', JSON_TYPE, body)).toMatchObject({ status: 400, reason: 'FORBIDDEN_KEY' });
    }
  });

  it('lets a plain field named constructor through', async () => {
    const response = await rawRequest(`${server.url}/__actions`, {
      headers: JSON_TYPE,
      body: '{"module":"hostile","action":"echo","payload":{"constructor":"Ford"}}',
    });
    expect(JSON.parse(response.text).data.payload).toEqual({ constructor: 'Ford' });
  });
});

describe('a per-action bodyLimit', () => {
  const big = JSON.stringify({ module: 'hostile', action: 'tiny', payload: { text: 'x'.repeat(5000) } });

  it('holds when the unit is named only in the JSON body', async () => {
    expect(await refused('/__actions', JSON_TYPE, big)).toMatchObject({ status: 413, reason: 'BODY_TOO_LARGE' });
  });

  it('holds when the unit is named in the URL', async () => {
    expect(await refused('/__actions?module=hostile&action=tiny', JSON_TYPE, big)).toMatchObject({
      status: 413,
      reason: 'BODY_TOO_LARGE',
    });
  });

  it('holds for a multipart envelope that names the unit only inside', async () => {
    const form = multipart([['__hpa', big]]);
    expect(await refused('/__actions', form.headers, form.body)).toMatchObject({
      status: 413,
      reason: 'BODY_TOO_LARGE',
    });
  });
});

describe('an upload the client abandons midway', () => {
  it('is an abort, not a failure logged with its stack', async () => {
    journal.reset();
    const failures: unknown[] = [];
    const own = await listen(createApp({ onError: (error) => failures.push(error) }));
    try {
      for (const framing of ['Content-Length: 1048576', 'Transfer-Encoding: chunked']) {
        const socket = connect(own.port, '127.0.0.1');
        await new Promise((resolve) => socket.once('connect', resolve));
        const head = `POST /__actions?module=hostile&action=upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`;
        const part = 'x'.repeat(100 * 1024);
        socket.write(
          framing.startsWith('Transfer') ? `${head}${part.length.toString(16)}\r\n${part}\r\n` : head + part,
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        socket.destroy();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(failures).toEqual([]);
      expect(journal.unitCalls).toBe(0);
    } finally {
      await own.close();
    }
  });
});

describe('devalue sparse arrays by the thousand', () => {
  it('counts every slot they describe toward the limit on values', async () => {
    const flat: unknown[] = [Array.from({ length: 2000 }, (_, i) => i + 1)];
    for (let i = 0; i < 2000; i++) flat.push([-7, 100_000, 0, 2001]);
    flat.push('x');
    const body = JSON.stringify({ module: 'hostile', action: 'echo', devalue: JSON.stringify(flat) });
    expect(await refused('/__actions', JSON_TYPE, body)).toMatchObject({ status: 413, reason: 'TOO_LARGE_VALUE' });
  });
});
