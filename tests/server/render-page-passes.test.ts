// What a page render shows, runs and embeds, however renderPage renders it: each test compares the
// document with a plain renderToString of the same tree given its data, byte for byte, and the loaders
// that ran (and their order) with the pages the render showed.
import { Hono } from 'hono';
import { type ComponentChildren, createContext, h, type VNode } from 'preact';
import { useContext, useId } from 'preact/hooks';
import { renderToString } from 'preact-render-to-string';
import { beforeEach, describe, expect, it } from 'vitest';
import { defineLoader, getLoaderData, type LoaderData } from '../../runtime/index.ts';
import { Head } from '../../runtime/page/index.ts';
import { loadersHandler, renderPage } from '../../runtime/server/index.ts';

const ran: string[] = [];
const loaderOf = <T>(name: string, data: T) =>
  defineLoader(async () => {
    ran.push(name);
    return data;
  });
const module = {
  serverLoaders: {
    outer: loaderOf('outer', { label: 'outer' }),
    inner: loaderOf('inner', { label: 'inner' }),
    sibling: loaderOf('sibling', { label: 'sibling' }),
    options: loaderOf('options', { values: ['a', 'b', 'c'] }),
    hidden: loaderOf('hidden', { label: 'hidden' }),
    titled: loaderOf('titled', { label: 'titled' }),
  },
};
const loaders = loadersHandler({ '/src/pages/passes.server.ts': module }, { root: '/src/pages' });
const { serverLoaders } = module;

type Label = { label: string };
const Theme = createContext('plain');
const Ids = () => {
  const id = useId();
  return h('label', { for: id }, id);
};

// The views, each also rendered plainly (given its data) for the expected document.
const OuterView = ({ loaderData, children }: LoaderData<Label> & { children?: ComponentChildren }) =>
  h(
    'section',
    null,
    h(Head, { title: `the ${loaderData.label}` }),
    h('h1', null, loaderData.label),
    h(Ids, null),
    children,
  );
const InnerView = ({ loaderData }: LoaderData<Label>) =>
  h(
    'article',
    { class: useContext(Theme) },
    h(Head, { title: `the ${loaderData.label}` }),
    loaderData.label,
    h(Ids, null),
  );
const SiblingView = ({ loaderData }: LoaderData<Label>) => h('aside', null, loaderData.label);
const TitledView = ({ loaderData }: LoaderData<Label>) =>
  h('p', null, h(Head, { title: `the ${loaderData.label}` }), loaderData.label);
const OptionsView = ({ loaderData }: LoaderData<{ values: string[] }>) =>
  h(
    'svg',
    null,
    loaderData.values.map((value) => h('option', { key: value, value, strokeWidth: 1 }, value)),
  );

const Outer = getLoaderData(OuterView, { serverLoader: serverLoaders.outer });
const Inner = getLoaderData(InnerView, { serverLoader: serverLoaders.inner });
const Sibling = getLoaderData(SiblingView, { serverLoader: serverLoaders.sibling });
const Options = getLoaderData(OptionsView, { serverLoader: serverLoaders.options });
const Hidden = getLoaderData(SiblingView, { serverLoader: serverLoaders.hidden });
const Titled = getLoaderData(TitledView, { serverLoader: serverLoaders.titled });

const Document = ({ children, footer }: { children?: ComponentChildren; footer?: string }) =>
  h(
    'html',
    null,
    h('head', null, h('title', null, 'The app')),
    h(
      'body',
      null,
      h('nav', null, h(Ids, null)),
      h('main', null, children),
      h('footer', null, h(Ids, null), footer && h(Head, { title: footer })),
    ),
  );
/** A layout that shows its page only to some: the page's loader must not run for the others. */
const SignedIn = ({ children, signedIn }: { children?: ComponentChildren; signedIn: boolean }) =>
  signedIn ? children : h('p', null, 'Sign in to see this page.');

// `any`: each tree's props are its own.
const trees: Record<string, { page: () => VNode<any>; plain: VNode<any>; ran: string[]; title: string }> = {
  nested: {
    page: () =>
      h(Document, null, h(Theme.Provider, { value: 'dark' }, h(Outer, null, h(Inner, null)), h(Sibling, null))),
    plain: h(
      Document,
      null,
      h(
        Theme.Provider,
        { value: 'dark' },
        h(OuterView, { loaderData: { label: 'outer' } }, h(InnerView, { loaderData: { label: 'inner' } })),
        h(SiblingView, { loaderData: { label: 'sibling' } }),
      ),
    ),
    ran: ['outer', 'sibling', 'inner'],
    title: 'the inner',
  },
  'a title set after the pages': {
    page: () => h(Document, { footer: 'the footer' }, h(Outer, null, h(Inner, null))),
    plain: h(
      Document,
      { footer: 'the footer' },
      h(OuterView, { loaderData: { label: 'outer' } }, h(InnerView, { loaderData: { label: 'inner' } })),
    ),
    ran: ['outer', 'inner'],
    title: 'the footer',
  },
  'a title set in a page': {
    page: () => h(Document, null, h(Titled, null)),
    plain: h(Document, null, h(TitledView, { loaderData: { label: 'titled' } })),
    ran: ['titled'],
    title: 'the titled',
  },
  'a title set after a page': {
    page: () => h(Document, { footer: 'the footer' }, h(Titled, null)),
    plain: h(Document, { footer: 'the footer' }, h(TitledView, { loaderData: { label: 'titled' } })),
    ran: ['titled'],
    title: 'the footer',
  },
  'svg and select around a page': {
    page: () =>
      h(Document, null, h('svg', null, h('g', null, h(Options, null))), h('select', { value: 'b' }, h(Options, null))),
    plain: h(
      Document,
      null,
      h('svg', null, h('g', null, h(OptionsView, { loaderData: { values: ['a', 'b', 'c'] } }))),
      h('select', { value: 'b' }, h(OptionsView, { loaderData: { values: ['a', 'b', 'c'] } })),
    ),
    ran: ['options'],
    title: 'The app',
  },
  'a layout that does not show its page': {
    page: () => h(Document, null, h(SignedIn, { signedIn: false }, h(Hidden, null)), h(Sibling, null)),
    plain: h(
      Document,
      null,
      h('p', null, 'Sign in to see this page.'),
      h(SiblingView, { loaderData: { label: 'sibling' } }),
    ),
    ran: ['sibling'],
    title: 'The app',
  },
};

const app = new Hono().get('/:tree', (c) => {
  const tree = trees[c.req.param('tree')];
  return tree ? renderPage(c, tree.page(), { loaders }) : c.notFound();
});

beforeEach(() => {
  ran.length = 0;
});

/** The document as the plain render of the same tree would make it, with the head's title set. */
function expectedDocument(plain: VNode<any>, title: string, data: Record<string, unknown>, path: string): string {
  const html = renderToString(plain)
    .replace(/<title>.*?<\/title>/, '')
    .replace('</head>', `<title>${title}</title></head>`);
  const script = `<script type="application/json" id="__hpa_data">${JSON.stringify({ path, data })}</script>`;
  return `<!doctype html>${html.replace('</body>', `${script}</body>`)}`;
}

describe('a page render', () => {
  for (const [name, tree] of Object.entries(trees)) {
    it(`is the plain render of the tree with its data, byte for byte: ${name}`, async () => {
      const path = `/${encodeURIComponent(name)}`;
      const response = await app.request(path);
      expect(response.status).toBe(200);
      const html = await response.text();
      const data = Object.fromEntries(
        tree.ran.map((loader) => [
          `passes:${loader}`,
          loader === 'options' ? { values: ['a', 'b', 'c'] } : { label: loader },
        ]),
      );
      expect(html).toBe(expectedDocument(tree.plain, tree.title, data, path));
      // Each shown page's loader ran once, in the order the pages were found: a page's own before those
      // its data revealed, and never the loader of a page its layout did not show.
      expect(ran).toEqual(tree.ran);
    });
  }
});
