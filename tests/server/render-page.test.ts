// renderPage: a page's loader runs through the loader chain during the server render, its data is
// in the HTML and embedded for the first client render, and an outcome of the chain is the answer.
import { Hono } from 'hono';
import { h } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { getLoaderData, type LoaderData } from '../../runtime/index.ts';
import { loadersHandler, renderPage } from '../../runtime/server/index.ts';
import appConfig from './app/app-config.ts';
import { journal } from './app/journal.ts';
import gatedLoader from './app/pages/gated.server.ts';
import moviesLoader from './app/pages/movies.server.ts';
import { glob, ROOT } from './app/server.ts';

const MoviesView = ({ loaderData }: LoaderData<{ movies: string[] }>) =>
  h(
    'ul',
    null,
    loaderData.movies.map((title) => h('li', { key: title }, title)),
  );
const Movies = getLoaderData(MoviesView, { serverLoader: moviesLoader });
const Gated = getLoaderData(({ loaderData }: LoaderData<{ secret: string }>) => h('p', null, loaderData.secret), {
  serverLoader: gatedLoader,
});

const Layout = ({ children }: { children: preact.ComponentChildren }) =>
  h('html', null, h('head', null), h('body', null, h('main', null, children)));

const app = new Hono()
  .post('/__loaders', loadersHandler(glob, { app: appConfig, root: ROOT }))
  .get('/movies', (c) => renderPage(c, h(Layout, null, h(Movies, null)), { defaultTitle: 'Movies' }))
  .get('/gated', (c) => renderPage(c, h(Layout, null, h(Gated, null))));

beforeEach(() => journal.reset());

describe('renderPage', () => {
  it("renders the page with its loader's data, run through the app's ring, and embeds the data", async () => {
    const response = await app.request('/movies?sort=title');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.startsWith('<!doctype html><html><head><title>Movies</title></head>')).toBe(true);
    expect(html).toContain('<li>Alien</li>');
    const embedded = JSON.parse(
      /<script type="application\/json" id="__hpa_data">(.*?)<\/script>/.exec(html)?.[1] ?? '{}',
    );
    expect(embedded).toEqual({
      path: '/movies?sort=title',
      data: { 'movies:default': { movies: expect.arrayContaining(['Alien']) } },
    });
    expect(journal.loaderCalls).toBe(1);
    expect(journal.log).toEqual(['root:before', 'root:after']);
  });

  it('embeds the path and query as URL reads them: encoded, a bare ? dropped, the fragment left out', async () => {
    const embeddedPath = async (url: string) => {
      const html = await (await app.fetch(new Request(url))).text();
      return JSON.parse(/<script type="application\/json" id="__hpa_data">(.*?)<\/script>/.exec(html)?.[1] ?? '{}')
        .path;
    };
    expect(await embeddedPath('http://localhost/movies?')).toBe('/movies');
    expect(await embeddedPath('http://localhost/movies?#top')).toBe('/movies');
    expect(await embeddedPath('http://localhost/movies?q=a b&r=ü#top')).toBe('/movies?q=a%20b&r=%C3%BC');
    expect(await embeddedPath('http://[::1]:8080/movies?x=/y?z')).toBe('/movies?x=/y?z');
  });

  it("answers the chain's redirect as an HTTP redirect, and renders for those the gate lets through", async () => {
    const refused = await app.request('/gated');
    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')).toBe('/login');
    const allowed = await app.request('/gated', { headers: { cookie: 'admin=1' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('<p>the admin list</p>');
  });

  it('escapes the embedded data so no value can close its script element', async () => {
    const { serverActions } = await import('./app/pages/movies.server.ts');
    await serverActions.add({} as never, { title: '</script><script>alert(1)</script>' });
    const html = await (await app.request('/movies')).text();
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const embedded = JSON.parse(
      /<script type="application\/json" id="__hpa_data">(.*?)<\/script>/.exec(html)?.[1] ?? '{}',
    );
    expect(embedded.data['movies:default'].movies).toContain('</script><script>alert(1)</script>');
  });
});
