// Values JSON cannot carry go through devalue, in results and payloads; plain data stays plain JSON.
import { parse, stringify } from 'devalue';
import { describe, expect, it } from 'vitest';
import { createApp } from './app/server.ts';

const app = createApp();
const post = (body: string) =>
  app.request('/__actions', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('rich values', () => {
  it('answers a result holding a Date, Map, Set, BigInt, URL, undefined and a shared object through devalue', async () => {
    const body = await (await post(JSON.stringify({ module: 'movies', action: 'rich' }))).json();
    expect(body.data).toBeUndefined();
    const value = parse(body.devalue);
    expect(value.when).toEqual(new Date(Date.UTC(2026, 10, 21)));
    expect(value.index).toEqual(new Map([['dune', 1965]]));
    expect(value.tags).toEqual(new Set(['sf']));
    expect(value.big).toBe(12345678901234567890n);
    expect(value.home).toEqual(new URL('https://example.dev/movies'));
    expect('missing' in value && value.missing === undefined).toBe(true);
    expect(value.first).toBe(value.second);
  });

  it('keeps plain results plain JSON', async () => {
    const body = await (
      await post(JSON.stringify({ module: 'movies', action: 'echo', payload: { a: [1, 'b'] } }))
    ).json();
    expect(body).toEqual({ data: { payload: { a: [1, 'b'] }, prototypeIsClean: true } });
  });

  it('reads a payload devalue carried, with its real types', async () => {
    const payload = stringify({
      when: new Date(0),
      index: new Map(),
      tags: new Set(),
      big: 1n,
      home: new URL('https://x.dev'),
      missing: undefined,
    });
    const body = await (
      await post(JSON.stringify({ module: 'movies', action: 'describeRich', devalue: payload }))
    ).json();
    expect(body.data).toEqual({
      when: 'Date',
      index: 'Map',
      tags: 'Set',
      big: 'BigInt',
      home: 'URL',
      missing: 'undefined',
    });
  });

  it('refuses a devalue payload with a __proto__ key, and an unreadable one', async () => {
    const proto = await post(
      JSON.stringify({ module: 'movies', action: 'echo', devalue: '[{"__proto__":1},{"x":1}]' }),
    );
    expect(proto.status).toBe(400);
    expect((await proto.json()).error.reason).toBe('FORBIDDEN_KEY');
    const broken = await post(JSON.stringify({ module: 'movies', action: 'echo', devalue: '[{"a":' }));
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.reason).toBe('MALFORMED_BODY');
    expect(({} as { x?: unknown }).x).toBeUndefined();
  });
});
