// Form fields coerced by the action's schema (Astro's table), and the cases peers got wrong: "false"
// stays false, an unchecked box is false, a checkbox array with none checked is [], an empty string stays
// "" and an empty number field is left out. Urlencoded and multipart alike.
import { describe, expect, it } from 'vitest';
import { createApp } from './app/server.ts';

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
