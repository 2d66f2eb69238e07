// <Head> in a server render: the page's title and meta tags are in the document renderPage answers,
// in place of the document's own, so a full load shows the page's title before any script runs.
import { Hono } from 'hono';
import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { Head } from '../../runtime/page/index.ts';
import { loadersHandler, renderPage } from '../../runtime/server/index.ts';
import { glob, ROOT } from './app/server.ts';

const Document = ({ children }: { children: preact.ComponentChildren }) =>
  h(
    'html',
    null,
    h('head', null, h('title', null, 'The app'), h('meta', { name: 'description', content: 'old' })),
    h('body', null, h('main', null, children)),
  );
const Layout = () => h('div', null, h(Head, { title: 'Admin · The app' }), h(Page, null));
const Page = () =>
  h('section', null, h(Head, { title: 'Movie <1> · The app', meta: { description: 'One "movie"' } }), 'page');

const loaders = loadersHandler(glob, { root: ROOT });
const app = new Hono()
  .get('/page', (c) => renderPage(c, h(Document, null, h(Layout, null)), { loaders }))
  .get('/plain', (c) => renderPage(c, h(Document, null, 'plain'), { loaders }))
  .get('/bare', (c) => renderPage(c, h('p', null, h(Head, { title: 'Bare' })), { defaultTitle: 'Default', loaders }));

describe('<Head> on the server', () => {
  it("puts the innermost page's title and meta in the head, escaped, in place of the document's", async () => {
    const html = await (await app.request('/page')).text();
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<title>Movie &#60;1&#62; · The app</title>');
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
    expect(html).toContain('<meta name="description" content="One &#34;movie&#34;">');
    expect(html.indexOf('<title>')).toBeLessThan(html.indexOf('</head>'));
  });

  it("keeps the document's own title when no page sets one, and beats defaultTitle", async () => {
    expect(await (await app.request('/plain')).text()).toContain('<title>The app</title>');
    const bare = await (await app.request('/bare')).text();
    expect(bare).toContain('<title>Bare</title>');
    expect(bare).not.toContain('Default');
  });
});
