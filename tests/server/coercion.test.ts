// Form fields coerced by the action's schema: the table in form-cases.ts posted urlencoded and as
// multipart as Chromium writes it, for Zod and ArkType; then what a form cannot do (prototype keys),
// a FormData input, and the handler's own test app.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type } from 'arktype';
import * as v from 'valibot';
import { defineAction } from '../../runtime/index.ts';
import { actionsHandler } from '../../runtime/server/index.ts';
import { Hono } from 'hono';
import { multipartBody, urlencodedBody } from '../helpers/browser-form-body.ts';
import { createApp } from './app/server.ts';
import { describeReceived, EMPTY_FILE_AS_BLANK_TEXT, FORM_CASES, type FormCase, hasFile } from './form-cases.ts';
import { actionName, createTableApp, type Library } from './form-table.ts';

const table = createTableApp([...FORM_CASES, EMPTY_FILE_AS_BLANK_TEXT]);
const allCases = [...FORM_CASES, EMPTY_FILE_AS_BLANK_TEXT];

async function post(library: Library, index: number, encoding: 'urlencoded' | 'multipart', formCase: FormCase) {
  const { body, contentType } =
    encoding === 'urlencoded'
      ? { body: urlencodedBody(formCase.fields), contentType: 'application/x-www-form-urlencoded' }
      : multipartBody(formCase.fields);
  table.received.payload = undefined;
  const response = await table.app.request(`/__actions?module=table&action=${actionName(library, index)}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...SAME_ORIGIN },
    body: body as BodyInit,
  });
  const json = await response.json();
  if (response.status === 200) return { payload: describeReceived(table.received.payload) };
  if (response.status === 422) return { refused: Object.keys(json.error.fields).sort() };
  return { status: response.status, error: json.error };
}

const rows = (library: Library, encoding: 'urlencoded' | 'multipart') =>
  allCases
    .map((formCase, index) => ({ formCase, index, title: formCase.name }))
    .filter(
      ({ formCase }) => (library === 'zod' || formCase[library]) && (encoding === 'multipart' || !hasFile(formCase)),
    );

describe.each([
  ['zod', 'urlencoded'],
  ['zod', 'multipart'],
  ['ark', 'urlencoded'],
  ['ark', 'multipart'],
  ['valibot', 'urlencoded'],
  ['valibot', 'multipart'],
] as const)('the form table, %s, %s', (library, encoding) => {
  it.each(rows(library, encoding))('$title', async ({ formCase, index }) => {
    const expected = 'refused' in formCase.expect ? { refused: [...formCase.expect.refused].sort() } : formCase.expect;
    expect(await post(library, index, encoding, formCase)).toEqual(expected);
  });
});

const app = createApp();
/** A form posted from one of the app's own pages carries this, as browsers send it. */
const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' };

function urlencoded(action: string, body: string) {
  return app.request(`/__actions?module=validated&action=${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
    body,
  });
}

describe.each(['zodForm', 'arktypeForm'])('form fields coerced by the schema of %s', (action) => {
  const submit = async (body: string) => {
    const response = await urlencoded(action, body);
    const json = await response.json();
    if (response.status !== 200) throw new Error(JSON.stringify(json));
    return json.data;
  };

  it('parses numbers, keeps strings, and turns a checked box into true', async () => {
    expect(await submit('title=Dune&year=1965&watched=on&tags=sf')).toEqual({
      title: 'string:Dune',
      year: 'number:1965',
      watched: 'boolean:true',
      tags: 'array:sf',
    });
  });

  it('keeps "false" false, and an unchecked (absent) box false', async () => {
    expect((await submit('title=A&watched=false')).watched).toBe('boolean:false');
    expect((await submit('title=A')).watched).toBe('boolean:false');
  });

  it('gathers a repeated name into an array, and none checked into []', async () => {
    expect((await submit('title=A&tags=sf&tags=drama&tags=noir')).tags).toBe('array:sf|drama|noir');
    expect((await submit('title=A')).tags).toBe('array:');
  });

  it('keeps an empty string as "", and leaves an empty number field out', async () => {
    const data = await submit('title=&year=');
    expect(data.title).toBe('string:');
    expect(data).not.toHaveProperty('year');
  });

  it('keeps a chosen file, and leaves an empty file input out (multipart)', async () => {
    const form = new FormData();
    form.set('title', 'Poster');
    form.set('poster', new File(['png'], 'poster.png', { type: 'image/png' }));
    const chosen = await app.request(`/__actions?module=validated&action=${action}`, {
      method: 'POST',
      headers: SAME_ORIGIN,
      body: form,
    });
    expect((await chosen.json()).data.poster).toBe('file:poster.png');
    const empty = new FormData();
    empty.set('title', 'No poster');
    empty.set('poster', new File([], ''));
    const none = await app.request(`/__actions?module=validated&action=${action}`, {
      method: 'POST',
      headers: SAME_ORIGIN,
      body: empty,
    });
    expect((await none.json()).data).not.toHaveProperty('poster');
  });

  it('answers 422 with the field when a value cannot be coerced', async () => {
    const response = await urlencoded(action, 'title=A&year=soon');
    expect(response.status).toBe(422);
    expect(Object.keys((await response.json()).error.fields)).toEqual(['year']);
  });
});

describe('a form for an action without a schema', () => {
  it("follows seed 000's rules: strings stay strings, the last of a repeated name wins", async () => {
    const response = await app.request('/__actions?module=movies&action=echo', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
      body: 'year=1965&watched=false&genre=sf&genre=drama',
    });
    expect((await response.json()).data.payload).toEqual({ year: '1965', watched: 'false', genre: 'drama' });
  });
});

describe('names a form may not use', () => {
  const app = createApp();
  const send = (body: string) =>
    app.request('/__actions?module=validated&action=zodForm', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
      body,
    });

  it.each(['__proto__.polluted', 'a.__proto__.polluted', 'a.constructor.prototype', 'constructor', 'x.prototype'])(
    'refuses %s with 400 FORBIDDEN_KEY, and no object is polluted',
    async (name) => {
      const response = await send(`title=A&${encodeURIComponent(name)}=yes`);
      expect(response.status).toBe(400);
      expect((await response.json()).error.reason).toBe('FORBIDDEN_KEY');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('keeps other spellings as flat names: `items[0].qty` is not a nested path', async () => {
    const { app, received } = createTableApp([
      { name: 'loose', zod: z.looseObject({ title: z.string() }), fields: [], expect: { payload: {} } },
    ]);
    const response = await app.request('/__actions?module=table&action=zod0', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
      body: 'title=A&items%5B0%5D.qty=2',
    });
    expect(response.status).toBe(200);
    expect(received.payload).toEqual({ title: 'A', 'items[0].qty': '2' });
  });
});

describe('an input schema that is a FormData', () => {
  it.each([
    ['zod', z.instanceof(FormData)],
    ['arktype', type.instanceOf(FormData)],
    ['valibot', v.instance(FormData)],
  ])('gives a %s action the form as it was posted', async (_library, schema) => {
    let received: unknown;
    const glob = {
      '/raw/raw.server.ts': {
        serverActions: {
          upload: defineAction(
            async (_ctx, form: unknown) => {
              received = form;
              return null;
            },
            { input: schema },
          ),
        },
      },
    };
    const app = new Hono().post('/__actions', actionsHandler(glob, { root: '/raw' }));
    const { body, contentType } = multipartBody([
      ['title', 'Dune'],
      ['tag', 'sf'],
      ['tag', 'drama'],
      ['poster', { file: 'p.png', content: 'png', type: 'image/png' }],
    ]);
    const response = await app.request('/__actions?module=raw&action=upload', {
      method: 'POST',
      headers: { 'content-type': contentType, ...SAME_ORIGIN },
      body: body as BodyInit,
    });
    expect(response.status).toBe(200);
    expect(received).toBeInstanceOf(FormData);
    const form = received as FormData;
    expect(form.getAll('tag')).toEqual(['sf', 'drama']);
    expect(form.get('title')).toBe('Dune');
    expect((form.get('poster') as File).name).toBe('p.png');
  });
});

describe('a schema that refers to itself', () => {
  const node: z.ZodType = z.object({
    name: z.string().optional(),
    get child() {
      return node.optional();
    },
  });

  it('fills nested levels from dotted names', async () => {
    const { app, received } = createTableApp([{ name: 'tree', zod: node, fields: [], expect: { payload: {} } }]);
    const response = await app.request('/__actions?module=table&action=zod0', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
      body: 'name=a&child.name=b&child.child.name=c',
    });
    expect(response.status).toBe(200);
    expect(received.payload).toEqual({ name: 'a', child: { name: 'b', child: { name: 'c' } } });
  });

  it('answers a name of 150,000 dotted parts quickly, without filling 150,000 levels', async () => {
    const { app } = createTableApp([{ name: 'tree', zod: node, fields: [], expect: { payload: {} } }]);
    const started = performance.now();
    const response = await app.request('/__actions?module=table&action=zod0', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
      body: `${'child.'.repeat(150_000)}name=deep`,
    });
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
