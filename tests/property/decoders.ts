// The request decoders under generated and mutated bodies, shared by the property test (a few hundred
// cases) and `npm run fuzz` (thousands). Hostile bodies of every content type (deep nesting, keys
// spelled to reach a prototype, devalue that describes more than it holds, field floods) must each
// be answered with a 4xx, quickly, without the unit running; a valid body mutated at random may be
// accepted or refused, but is never a 500 and never slow. A form posted to a page carries its
// refusal over the redirect, so there the 4xx is the one in the result cookie.
import fc from 'fast-check';
import { Hono } from 'hono';
import { h } from 'preact';
import { actionsHandler, loadersHandler, renderPage } from '../../runtime/server/index.ts';
import { journal } from '../server/app/journal.ts';

const PAGES = '/tests/server/app/pages';
const modules = { [`${PAGES}/hostile.server.ts`]: () => import('../server/app/pages/hostile.server.ts') };
const settings = { root: PAGES, onError: () => {} };
const actions = actionsHandler(modules, settings);
const loaders = loadersHandler(modules, settings);
const app = new Hono()
  .post('/__actions', actions)
  .post('/page', (c) => renderPage(c, h('main', null), { actions, loaders }));

/** What one case may take, on a machine shared with other work. */
export const TIME_BOUND_MS = 2000;

export interface Body {
  contentType: string;
  body: string;
}

interface Answer {
  status: number;
  ms: number;
  /** The refusal's status: the response's, or for a page post the one its result cookie carries. */
  refusal?: number;
  unitRan: boolean;
}

async function send(path: string, { contentType, body }: Body): Promise<Answer> {
  journal.reset();
  const started = performance.now();
  const response = await app.request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'sec-fetch-site': 'same-origin' },
    body,
  });
  let refusal: number | undefined;
  if (response.status === 303) {
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('hpa-result=')) ?? '';
    const value = cookie.slice('hpa-result='.length).split(';')[0] ?? '';
    refusal = value ? JSON.parse(decodeURIComponent(value)).error?.status : undefined;
  } else if (response.status >= 400) {
    refusal = response.status;
  }
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started, refusal, unitRan: journal.unitCalls > 0 };
}

const BOUNDARY = 'fuzzBoundary';
const multipart = (fields: [string, string][]): Body => ({
  contentType: `multipart/form-data; boundary=${BOUNDARY}`,
  body:
    fields
      .map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') + `--${BOUNDARY}--\r\n`,
});
const json = (text: string): Body => ({ contentType: 'application/json', body: text });
const urlencoded = (text: string): Body => ({ contentType: 'application/x-www-form-urlencoded', body: text });
const envelope = (payload: string) => `{"module":"hostile","action":"echo","payload":${payload}}`;
const devalueEnvelope = (text: string) => JSON.stringify({ module: 'hostile', action: 'echo', devalue: text });

/** A key spelled with some of its characters as JSON `\uXXXX` escapes. */
const escapedKey = (key: string) =>
  fc
    .array(fc.boolean(), { minLength: key.length, maxLength: key.length })
    .map((escape) =>
      [...key].map((char, i) => (escape[i] ? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}` : char)).join(''),
    );

const deepPayload = fc
  .tuple(fc.integer({ min: 65, max: 100_000 }), fc.constantFrom('[', '{"a":'))
  .map(([depth, open]) => open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth));

const forbiddenPayload = fc.oneof(
  escapedKey('__proto__').map((key) => `{"${key}":{"polluted":1}}`),
  fc
    .tuple(escapedKey('constructor'), escapedKey('prototype'))
    .map(([ctor, proto]) => `{"x":[{"${ctor}":{"${proto}":{"polluted":1}}}]}`),
);

/** devalue that describes more than it holds: a huge sparse array, a chain of shared references, a deep one. */
const hostileDevalue = fc.oneof(
  fc.integer({ min: 100_001, max: 2 ** 32 - 1 }).map((length) => `[[-7,${length},0,1],"x"]`),
  fc
    .integer({ min: 18, max: 64 })
    .map((n) => JSON.stringify([...Array.from({ length: n }, (_, i) => [i + 1, i + 1]), 0])),
  fc
    .integer({ min: 65, max: 5000 })
    .map((n) => JSON.stringify([...Array.from({ length: n }, (_, i) => [i + 1]), 'leaf'])),
  fc.constantFrom('[{"\\u005f_proto__":1},{}]', '[{"constructor":1},{"prototype":2},{}]'),
);

const fieldFlood = fc
  .tuple(fc.integer({ min: 1001, max: 300_000 }), fc.constantFrom('a', 'a=', '=', 'a=b'))
  .map(([n, field]) => `${field}&`.repeat(n));

const forbiddenField = fc
  .constantFrom('__proto__', '%5F%5Fproto%5F%5F', '_%5Fproto__', 'constructor', 'prototype', 'proto%74ype')
  .map((name) => `title=x&${name}=1`);

/** Hostile bodies for the RPC endpoint, each with a 4xx it must get. */
export const hostileRpcBody: fc.Arbitrary<Body> = fc.oneof(
  deepPayload.map((payload) => json(envelope(payload))),
  forbiddenPayload.map((payload) => json(envelope(payload))),
  hostileDevalue.map((text) => json(devalueEnvelope(text))),
  deepPayload.map((payload) => multipart([['__hpa', envelope(payload)]])),
  forbiddenPayload.map((payload) => multipart([['__hpa', envelope(payload)]])),
  hostileDevalue.map((text) => multipart([['__hpa', devalueEnvelope(text)]])),
  fieldFlood.map(urlencoded),
  forbiddenField.map(urlencoded),
  fc.integer({ min: 1001, max: 20_000 }).map((n) => multipart(Array.from({ length: n }, (_, i) => [`f${i}`, 'x']))),
);

/** Hostile no-JS form posts to a page. */
export const hostilePageBody: fc.Arbitrary<Body> = fc.oneof(
  fieldFlood.map(urlencoded),
  forbiddenField.map(urlencoded),
  fc.integer({ min: 1001, max: 20_000 }).map((n) => multipart(Array.from({ length: n }, (_, i) => [`f${i}`, 'x']))),
  fc.constantFrom('__proto__', 'constructor').map((name) => multipart([[name, '1']])),
);

const validBodies: Body[] = [
  json(envelope('{"title":"Dune","tags":["a","b"],"n":1.5}')),
  json(devalueEnvelope('[{"when":1,"index":2},["Date","2026-11-21T00:00:00.000Z"],["Map",3,4],"dune",1965]')),
  multipart([['__hpa', envelope('{"title":"Dune"}')]]),
  urlencoded('title=Dune+%26+more&year=1965&tags=a&tags=b'),
  multipart([
    ['title', 'Dune'],
    ['year', '1965'],
  ]),
];

const INTERESTING = [
  '[',
  ']',
  '{',
  '}',
  '"',
  '\\',
  '\\u',
  ':',
  ',',
  '&',
  '=',
  '%',
  '+',
  '-7',
  '\r\n',
  '--',
  '__proto__',
];

/** A valid body with a few random edits: bytes replaced, inserted (often the decoders' own punctuation) or cut. */
export const mutatedBody: fc.Arbitrary<Body> = fc
  .tuple(
    fc.constantFrom(...validBodies),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('insert', 'replace', 'delete', 'repeat'),
        fc.oneof(fc.constantFrom(...INTERESTING), fc.string({ maxLength: 4 })),
        fc.integer({ min: 1, max: 5000 }),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([valid, edits]) => {
    let text = valid.body;
    for (const [at, kind, piece, times] of edits) {
      const i = at % (text.length + 1);
      if (kind === 'insert') text = text.slice(0, i) + piece + text.slice(i);
      else if (kind === 'replace') text = text.slice(0, i) + piece + text.slice(i + piece.length);
      else if (kind === 'delete') text = text.slice(0, i) + text.slice(i + (times % 20));
      else text = text.slice(0, i) + piece.repeat(times) + text.slice(i);
    }
    return { contentType: valid.contentType, body: text };
  });

function refusedInTime(answer: Answer, what: string): boolean {
  if (answer.ms > TIME_BOUND_MS) throw new Error(`${what} took ${answer.ms.toFixed(0)} ms`);
  if (answer.status >= 500) throw new Error(`${what} was answered ${answer.status}`);
  if (answer.unitRan) throw new Error(`${what} ran the unit`);
  if (answer.refusal === undefined || answer.refusal < 400 || answer.refusal >= 500) {
    throw new Error(`${what} was not refused with a 4xx (status ${answer.status}, refusal ${answer.refusal})`);
  }
  return true;
}

const describe = (body: Body) => `${body.contentType.split(';')[0]} body of ${body.body.length} chars`;

export const decoderProperties = {
  hostileRpcBodies: fc.asyncProperty(hostileRpcBody, async (body) =>
    refusedInTime(await send('/__actions', body), describe(body)),
  ),
  hostilePagePosts: fc.asyncProperty(hostilePageBody, async (body) =>
    refusedInTime(await send('/page?module=hostile&action=echo', body), `a page post: ${describe(body)}`),
  ),
  mutatedBodies: fc.asyncProperty(mutatedBody, fc.boolean(), async (body, toPage) => {
    const answer = await send(toPage ? '/page?module=hostile&action=echo' : '/__actions', body);
    if (answer.ms > TIME_BOUND_MS) throw new Error(`${describe(body)} took ${answer.ms.toFixed(0)} ms`);
    if (answer.status >= 500 || (answer.refusal ?? 0) >= 500) {
      throw new Error(
        `${describe(body)} was answered ${answer.status} (${answer.refusal}): ${body.body.slice(0, 300)}`,
      );
    }
    return true;
  }),
};
