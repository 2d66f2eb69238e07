// Seed 004's two chain-order listings, reproduced exactly on the three paths to a page's data: the
// server render, a loader RPC and an action RPC. The page and its module declare the same ring once
// each (definePage and pageUse); the app's ring and the page layer run once per request.
import { Hono } from 'hono';
import { h } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { Routes } from '../../runtime/page/index.ts';
import { loadersHandler, renderPage } from '../../runtime/server/index.ts';
import { journal } from '../server/app/journal.ts';
import routes from './app/routes.ts';
import { createPageApp, glob } from './app/server.ts';

const app = createPageApp();

const post = (path: string, body: object) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const listing = (rings: string[]) => [
  ...rings.map((ring) => `${ring}:before`),
  'inner',
  ...[...rings].reverse().map((ring) => `${ring}:after`),
];

const cases = [
  { name: 'root -> page -> unit', path: '/page', module: 'page', rings: ['root', 'page', 'unit'] },
  {
    name: 'root -> admin -> audit -> unit for /admin/users/42',
    path: '/admin/users/42',
    module: 'admin/users',
    rings: ['root', 'admin', 'audit', 'unit'],
  },
];

beforeEach(() => journal.reset());

describe.each(cases)('seed 004: $name', ({ path, module, rings }) => {
  it('on the server render', async () => {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    expect(journal.log).toEqual(listing(rings));
  });

  it('on a loader RPC', async () => {
    const response = await post('/__loaders', { module, loader: 'default', location: { path } });
    expect(response.status).toBe(200);
    expect(journal.log).toEqual(listing(rings));
  });

  it('on an action RPC', async () => {
    const response = await post('/__actions', { module, action: 'run', payload: {} });
    expect(await response.json()).toEqual({ data: 'ran' });
    expect(journal.log).toEqual(listing(rings));
  });
});

describe('the page layer', () => {
  it("renders the leaf inside its layout with the loader's data and the route's params", async () => {
    const html = await (await app.request('/admin/users/42')).text();
    expect(html).toContain('<section id="admin"><p id="user">user 42</p></section>');
  });

  it('reads a route loader’s params from the path on the server, whatever the client sent', async () => {
    const response = await post('/__loaders', {
      module: 'admin/users',
      loader: 'default',
      location: { path: '/admin/users/7', params: { id: 'forged' } },
    });
    expect((await response.json()).data).toEqual({ user: '7', params: { id: '7' } });
  });

  it('gates a route declared outside its layout by the layout’s pageUse, by path', async () => {
    const response = await app.request('/admin/red%20team/settings');
    expect(response.status).toBe(200);
    expect(journal.log).toEqual(listing(['root', 'admin']));
    expect(await response.text()).toContain('{&quot;team&quot;:&quot;red team&quot;}');
    journal.reset();
    const rpc = await post('/__loaders', {
      module: 'admin/settings',
      loader: 'default',
      location: { path: '/admin/blue/settings' },
    });
    expect((await rpc.json()).data).toEqual({ params: { team: 'blue' } });
    expect(journal.log).toEqual(listing(['root', 'admin']));
  });

  it('stops a page whose ring redirects before anything renders or loads', async () => {
    const response = await app.request('/admin/users/42?redirectIn=admin');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/login?from=admin');
    expect(journal.log).toEqual(['root:before', 'admin:before', 'admin:after', 'root:after']);
  });

  it("answers a ring's deny with its status, the message in the route's place and the rest of the document", async () => {
    const response = await app.request('/admin/users/42?denyIn=audit');
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('<main><p role="alert">denied by audit</p></main>');
    expect(html).toContain('"route":{"denied":{"status":403,"message":"denied by audit"}}');
    expect(journal.log).not.toContain('inner');
  });

  it('passes a throw in a page ring through every surrounding finally', async () => {
    await expect(app.request('/admin/users/42?throwIn=audit')).resolves.toHaveProperty('status', 500);
    expect(journal.log).toEqual([
      'root:before',
      'admin:before',
      'audit:before',
      'audit:after',
      'admin:after',
      'root:after',
    ]);
  });

  it('answers 404 with the not-found view for a path no route matches, inside the app’s ring', async () => {
    const response = await app.request('/nowhere');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<main><p role="alert">Not found.</p></main>');
    expect(journal.log).toEqual(['root:before', 'root:after']);
  });

  it('lets a stream observer in a layout’s pageUse watch its leaf’s streams', async () => {
    const response = await post('/__actions', { module: 'admin/users', action: 'export', payload: {} });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    await response.text();
    expect(journal.observed).toEqual(['admin saw row 1', 'admin saw row 2', 'admin saw the end after 2']);
  });
});

describe('render(Component)', () => {
  it('replaces the matched page on the server render, at the same URL, and marks it for hydration', async () => {
    const response = await app.request('/members');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(
      '<main><div data-hpa-render><p id="join">Members only: join to see this page.</p></div></main>',
    );
    expect(html).toContain('"route":{"replaced":true}');
    const member = await app.request('/members', { headers: { cookie: 'member=yes' } });
    expect(await member.text()).toContain('<p id="members">Welcome, member.</p>');
  });

  it.each([
    ['loader', '/__loaders', { module: 'misplaced', loader: 'default', location: { path: '/misplaced' } }],
    ['action', '/__actions', { module: 'misplaced', action: 'run', payload: {} }],
  ])('is an error in a %s chain, which has no page to replace', async (_kind, path, body) => {
    const response = await post(path, body);
    expect(response.status).toBe(500);
    const { error } = await response.json();
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).toMatch(
      /^render\(\) is page scope only, but it was thrown around the (loader|action) misplaced\.(default|run)\./,
    );
  });

  it('is redacted like any unexpected error in production', async () => {
    const production = createPageApp({ production: true });
    const response = await production.request('/__loaders', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ module: 'misplaced', loader: 'default', location: { path: '/misplaced' } }),
    });
    expect((await response.json()).error.message).toBe('Internal server error.');
  });

  it("is an error when a page's loader chain throws it during the server render", async () => {
    const response = await app.request('/misplaced');
    expect(response.status).toBe(500);
  });
});

describe('<Routes> on the server', () => {
  it('says so when the handlers were given no routes, instead of rendering nothing', async () => {
    const errors: string[] = [];
    const app = new Hono()
      .post('/__loaders', loadersHandler(glob, { root: '/tests/page/app' }))
      .get('*', (c) => renderPage(c, h(Routes, { routes })))
      .onError((error, c) => {
        errors.push(error.message);
        return c.text('failed', 500);
      });
    const response = await app.request('/page');
    expect(response.status).toBe(500);
    expect(errors).toEqual([
      expect.stringMatching(/^<Routes> rendered on the server with routes the handlers do not have/),
    ]);
  });
});

describe('definePage without routes', () => {
  it('is an error on the server render, never a page shown without its gate', async () => {
    const errors: string[] = [];
    const Account = (await import('./app/account.ts')).default;
    const app = new Hono()
      .post('/__loaders', loadersHandler(glob, { root: '/tests/page/app' }))
      .get('*', (c) => renderPage(c, h(Account, {})))
      .onError((error, c) => {
        errors.push(error.message);
        return c.text('failed', 500);
      });
    expect((await app.request('/account')).status).toBe(500);
    expect(errors).toEqual([expect.stringMatching(/^definePage\(…\) rendered on the server without routes/)]);
  });
});

describe('several apps in one process', () => {
  it('renders each page with the handlers it names, whichever was created last', async () => {
    loadersHandler(glob, { root: '/tests/page/app' }); // another app's, without routes, created after ours
    const response = await app.request('/admin/users/42');
    expect(response.status).toBe(200);
    expect(journal.log).toEqual(listing(['root', 'admin', 'audit', 'unit']));
  });
});
