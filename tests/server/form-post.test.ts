// A <Form> posted without JavaScript: renderPage runs the action through the actions handler, keeps the
// answer in a short-lived cookie and redirects back (303); the next view gets the answer once.
import { Hono } from 'hono';
import { h } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { Form, useFormResult } from '../../runtime/index.ts';
import { actionsHandler, loadersHandler, renderPage } from '../../runtime/server/index.ts';
import { journal } from './app/journal.ts';
import * as movies from './app/pages/movies.server.ts';
import * as validated from './app/pages/validated.server.ts';
import { glob, ROOT } from './app/server.ts';

function Result({ action }: { action: unknown }) {
  const result = useFormResult(action);
  return h('output', null, result ? JSON.stringify(result.error ? result.error.reason : result.data) : 'none');
}

const app = new Hono()
  .post('/__actions', actionsHandler(glob, { root: ROOT }))
  .post('/__loaders', loadersHandler(glob, { root: ROOT }))
  .on(['GET', 'POST'], '/page', (c) =>
    renderPage(
      c,
      h(
        'main',
        null,
        h(Result, { action: movies.serverActions.echo }),
        h(Result, { action: validated.serverActions.zod }),
      ),
    ),
  );

const form = (path: string, body: string, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: 'POST',
    // What a browser sends with a form posted from the app's own page, unless a test says otherwise.
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...headers },
    body,
  });

/** The result cookie among those set (a middleware's own cookies survive the redirect too). */
const resultCookie = (response: Response) =>
  (response.headers.getSetCookie().find((cookie) => cookie.startsWith('hpa-result=')) ?? '').split(';')[0] as string;

beforeEach(() => journal.reset());

describe('a form posted to its page without JavaScript', () => {
  it('runs the action, redirects back with 303, and shows the answer on the next view only', async () => {
    const posted = await form('/page?module=movies&action=echo&tab=2', 'title=Dune');
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/page?tab=2');
    expect(journal.unitCalls).toBe(1);
    const cookie = resultCookie(posted);
    expect(cookie).toMatch(/^hpa-result=/);
    expect(posted.headers.getSetCookie()).toContain('seen=1; Path=/; HttpOnly');
    expect(posted.headers.getSetCookie().find((c) => c.startsWith('hpa-result='))).toMatch(
      /HttpOnly; SameSite=Lax; Max-Age=60$/,
    );

    const view = await app.request('/page?tab=2', { headers: { cookie } });
    const html = await view.text();
    expect(html).toContain('<output>{&quot;payload&quot;:{&quot;title&quot;:&quot;Dune&quot;}');
    expect(html).toContain('<output>none</output>');
    expect(view.headers.get('set-cookie')).toMatch(/^hpa-result=; .*Max-Age=0/);
    const embedded = JSON.parse(/id="__hpa_data">(.*?)<\/script>/.exec(html)?.[1] ?? '{}');
    expect(embedded.form).toMatchObject({ module: 'movies', action: 'echo' });

    const again = await app.request('/page?tab=2');
    expect(await again.text()).not.toContain('Dune');
  });

  it('carries input errors over to the next view', async () => {
    const posted = await form('/page?module=validated&action=zod', 'title=&year=1500');
    expect(posted.status).toBe(303);
    const cookie = resultCookie(posted);
    const html = await (await app.request('/page', { headers: { cookie } })).text();
    expect(html).toContain('<output>&quot;INVALID_INPUT&quot;</output>');
    expect(journal.unitCalls).toBe(0);
  });

  it('keeps the handler’s defences: a cross-site post never runs the action, sets nothing and goes nowhere', async () => {
    for (const headers of [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'same-site' },
    ]) {
      const posted = await form('/page?module=movies&action=echo', 'title=x', headers);
      expect(posted.status).toBe(403);
      expect(posted.headers.get('location')).toBeNull();
      expect(posted.headers.getSetCookie()).toEqual([]);
      expect(await posted.text()).toContain('Cross-site request refused');
    }
    expect(journal.unitCalls).toBe(0);
  });

  it('refuses a post that names no action', async () => {
    expect((await form('/page', 'title=x')).status).toBe(400);
  });
});

describe('<Form> as the server renders it', () => {
  it('posts multipart, so a file input sends the file itself with JavaScript off', () => {
    const html = renderToString(
      h(Form, { action: movies.serverActions.upload }, h('input', { type: 'file', name: 'poster' })),
    );
    expect(html).toMatch(
      /^<form method="post" enctype="multipart\/form-data" action="\?module=[^"]+&amp;action=upload"/,
    );
  });
});
