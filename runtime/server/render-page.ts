// renderPage(c, <Layout />, { defaultTitle }): server rendering with page data. The first render
// collects the loaders the page asks for (getLoaderData); each runs through the same chain as a
// loader RPC; the second render has their data, which is embedded for the first client render.
// An outcome from a loader's chain is an HTTP answer: redirect, or the deny's status and message.
import type { Context, MiddlewareHandler } from 'hono';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { LoaderLocation } from '../context.ts';
import { asOutcome, isRedirect } from '../outcomes.ts';
import { EMBEDDED_DATA_ID, PageRender, type PageRenderScope } from '../page-data.ts';
import { identify, rememberAllUnits } from './page-loaders.ts';

export interface RenderPageOptions {
  /** The document title when the rendered page sets none. */
  defaultTitle?: string;
}

const MAX_PASSES = 5;
const LOCATION = 'hpaLocation';

/** Hono middleware that records the request's location for the loaders of the page it renders. */
export const location: MiddlewareHandler = async (c, next) => {
  c.set(LOCATION as never, locationOf(c) as never);
  await next();
};

function locationOf(c: Context): LoaderLocation {
  const recorded = c.get(LOCATION as never) as LoaderLocation | undefined;
  if (recorded) return recorded;
  const url = new URL(c.req.url);
  return { path: url.pathname, search: url.search };
}

// `any`: a page is any vnode; its props are the caller's business.
export async function renderPage(c: Context, page: VNode<any>, options: RenderPageOptions = {}): Promise<Response> {
  const scope: PageRenderScope = { wanted: new Set(), data: new Map() };
  const tree = h(PageRender.Provider, { value: scope }, page);
  const at = locationOf(c);
  const embedded: Record<string, unknown> = {};
  // Names every action and loader function first, so forms render their action URLs.
  await rememberAllUnits();
  let html = renderToString(tree);
  // Data can reveal more pages that want data (a layout's loader, then its page's): render until none is new.
  for (let pass = 0; pass < MAX_PASSES && scope.wanted.size > scope.data.size; pass++) {
    for (const loader of scope.wanted) {
      if (scope.data.has(loader)) continue;
      const { runner, key, name } = await identify(loader);
      try {
        const data = await runner.run(c, key, name, at);
        scope.data.set(loader, data);
        embedded[`${key}:${name}`] = data;
      } catch (error) {
        const outcome = asOutcome(error);
        if (!outcome) throw error;
        if (isRedirect(outcome)) return c.redirect(outcome.to, outcome.status as 302);
        return c.html(
          `<!doctype html><title>${escapeHtml(outcome.message)}</title><p>${escapeHtml(outcome.message)}</p>`,
          outcome.status as 403,
        );
      }
    }
    html = renderToString(tree);
  }
  return c.html(documentFor(html, options.defaultTitle, { path: at.path + (at.search ?? ''), data: embedded }));
}

function documentFor(html: string, defaultTitle: string | undefined, embedded: object): string {
  // `<` escaped, so no value can close the script element.
  const json = JSON.stringify(embedded).replaceAll('<', '\\u003c');
  const script = `<script type="application/json" id="${EMBEDDED_DATA_ID}">${json}</script>`;
  let document = html.includes('</body>') ? html.replace('</body>', `${script}</body>`) : `${html}${script}`;
  if (defaultTitle && !/<title[\s>]/.test(document)) {
    const title = `<title>${escapeHtml(defaultTitle)}</title>`;
    document = document.includes('<head>') ? document.replace('<head>', `<head>${title}`) : `${title}${document}`;
  }
  return document.startsWith('<html') ? `<!doctype html>${document}` : document;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
