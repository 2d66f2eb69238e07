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
import { ACTION_PARAM, FORM_RESULT_COOKIE, type FormResult, MODULE_PARAM } from '../shared/wire.ts';
import { formActionsHandler, identify, rememberAllUnits } from './page-loaders.ts';

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
  if (c.req.method === 'POST') return answerFormPost(c);
  const formResult = takeFormResult(c);
  const scope: PageRenderScope = { wanted: new Set(), data: new Map(), formResult };
  const tree = h(PageRender.Provider, { value: scope }, page);
  const at = locationOf(c);
  const embedded: Record<string, unknown> = {};
  // Names every action and loader function first, so forms render their action URLs.
  const runner = await rememberAllUnits();
  let html = renderToString(tree);
  // Data can reveal more pages that want data (a layout's loader, then its page's): render until none is new.
  for (let pass = 0; pass < MAX_PASSES && scope.wanted.size > scope.data.size; pass++) {
    for (const loader of scope.wanted) {
      if (scope.data.has(loader)) continue;
      const { key, name } = identify(loader);
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
  return c.html(
    documentFor(html, options.defaultTitle, { path: at.path + (at.search ?? ''), data: embedded, form: formResult }),
  );
}

/**
 * A <Form> posted without JavaScript: run its action through the actions handler (the same origin check,
 * limits, decoding, coercion and chain as a fetch call), keep the answer for the next page view, and
 * redirect back (POST-redirect-GET), so a reload does not post again.
 */
async function answerFormPost(c: Context): Promise<Response> {
  const module = c.req.query(MODULE_PARAM);
  const action = c.req.query(ACTION_PARAM);
  if (!module || !action) return c.text('This page takes form posts for an action: ?module=…&action=…', 400);
  const answer = await (await formActionsHandler()(c)).json();
  if (answer.__outcome === 'redirect') return c.redirect(answer.to, 303);
  let result: FormResult = answer.error
    ? { module, action, error: answer.error }
    : { module, action, data: answer.data };
  let value = encodeURIComponent(JSON.stringify(result));
  if (value.length > 3800) {
    // A cookie holds about 4 KB: past that, keep the outcome and drop the data.
    result = { module, action, ...(answer.error ? { error: { ...answer.error, fields: undefined } } : {}) };
    value = encodeURIComponent(JSON.stringify(result));
  }
  c.header('Set-Cookie', `${FORM_RESULT_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60`, {
    append: true,
  });
  const back = new URL(c.req.url);
  back.searchParams.delete(MODULE_PARAM);
  back.searchParams.delete(ACTION_PARAM);
  return c.redirect(back.pathname + back.search, 303);
}

/** The answer of the form posted before this page view, read once: the cookie is cleared as it is read. */
function takeFormResult(c: Context): FormResult | undefined {
  const match = new RegExp(`(?:^|;\\s*)${FORM_RESULT_COOKIE}=([^;]*)`).exec(c.req.header('cookie') ?? '');
  if (!match) return undefined;
  c.header('Set-Cookie', `${FORM_RESULT_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`, { append: true });
  try {
    const result = JSON.parse(decodeURIComponent(match[1] as string)) as FormResult;
    return typeof result?.module === 'string' && typeof result.action === 'string' ? result : undefined;
  } catch {
    return undefined;
  }
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
