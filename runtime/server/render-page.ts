// renderPage(c, <Layout />, { defaultTitle }): server rendering with page data. The tree renders once:
// a page that asks for a loader's data (getLoaderData) waits in its place while the loader runs
// through the same chain as a loader RPC, then its view renders there (render-tree.ts); the data is
// embedded for the first client render.
// An outcome from a loader's chain is an HTTP answer: redirect, or the deny's status and message.
// With routes (the loaders handler's), the app's use and the matched route's page layer run once
// around the whole render, and a deny or render(Component) shows in the route's place.
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode, RedirectStatusCode } from 'hono/utils/http-status';
import type { VNode } from 'preact';
import type { LoaderLocation } from '../context.ts';
import { asOutcome, isRedirect, isRender } from '../outcome-of.ts';
import { renderOutsidePage } from '../outcomes.ts';
import { EMBEDDED_DATA_ID, type EmbeddedRoute, type PageRenderScope, type RouteView } from '../page-data.ts';
import type { RouteTable } from '../page/routes.ts';
import { ACTION_PARAM, FORM_RESULT_COOKIE, type FormResult, MODULE_PARAM } from '../shared/wire.ts';
import { PageCallContext } from './call-context.ts';
import { runChain } from './chain.ts';
import { isEventStream, readStreamOutcome } from './form-stream.ts';
import { decideRedirect } from '../shared/redirect-rule.ts';
import { withHead } from './head-html.ts';
import { renderLoaderPage, renderTree } from './render-tree.ts';
import {
  formActionsHandler,
  identify,
  type PageLoaderRunner,
  rememberAllUnits,
  type UnitHandler,
} from './page-loaders.ts';

export interface RenderPageOptions {
  /** The document title when the rendered page sets none. */
  defaultTitle?: string;
  /**
   * The loaders handler whose chain, app and routes the page uses, and the actions handler that answers
   * its forms posted without JavaScript. By default the last created in this process: pass them when one
   * process serves several apps.
   */
  loaders?: UnitHandler;
  actions?: UnitHandler;
}

const LOCATION = 'hpaLocation';

/** Hono middleware that records the request's location for the loaders of the page it renders. */
export const location: MiddlewareHandler = async (c, next) => {
  c.set(LOCATION as never, locationOf(c) as never);
  await next();
};

function locationOf(c: Context): LoaderLocation {
  const recorded = c.get(LOCATION as never) as LoaderLocation | undefined;
  if (recorded) return recorded;
  return pathAndSearch(c.req.url);
}

/**
 * `new URL(url)`'s pathname and search, read from the request's URL, which the platform has already
 * parsed and serialized: the path runs from the first `/` after the authority to `?` or `#`.
 */
function pathAndSearch(url: string): LoaderLocation {
  const authority = url.indexOf('://');
  const start = authority === -1 ? -1 : url.indexOf('/', authority + 3);
  if (start === -1) {
    const parsed = new URL(url);
    return { path: parsed.pathname, search: parsed.search };
  }
  const hash = url.indexOf('#', start);
  const end = hash === -1 ? url.length : hash;
  const query = url.indexOf('?', start);
  if (query === -1 || query > end) return { path: url.slice(start, end), search: '' };
  // A bare `?` is no search, as URL has it.
  return { path: url.slice(start, query), search: query + 1 === end ? '' : url.slice(query, end) };
}

// `any`: a page is any vnode; its props are the caller's business.
export async function renderPage(c: Context, page: VNode<any>, options: RenderPageOptions = {}): Promise<Response> {
  if (c.req.method === 'POST') return answerFormPost(c, options.actions);
  // Names every action and loader function first, so forms render their action URLs.
  const named = rememberAllUnits(options.loaders);
  const runner = named instanceof Promise ? await named : named;
  const refusedHost = runner.hostRefusal?.(c.req.raw);
  if (refusedHost) return refusedPage(c, refusedHost.message);
  const formResult = takeFormResult(c);
  const scope: PageRenderScope = {
    wanted: new Set(),
    data: new Map(),
    formResult,
    renderLoaderPage,
    routeView,
    pageShown,
  };
  const at = locationOf(c);
  const embedded: EmbeddedState = { path: at.path + (at.search ?? ''), data: {}, form: formResult };
  const renderWithData = (skip?: ReadonlySet<unknown>) => renderPasses(c, page, scope, runner, at, embedded, skip);
  const answer = (html: string, status = 200) =>
    c.html(documentFor(withHead(html, scope.head), options.defaultTitle, embedded), status as ContentfulStatusCode);

  const index = runner.routeIndex;
  if (!index) {
    try {
      return answer(await renderWithData());
    } catch (error) {
      return answerOutcome(c, error, runner.allowedRedirects);
    }
  }

  // With routes: the app's use and the matched route's page layer run around the whole render; the
  // page's loaders run inside it, each with the rest of its own chain.
  const indexing = index.ready();
  if (indexing) await indexing;
  const match = index.routes.match(at.path);
  const loaded = match ? await index.routes.load(match) : undefined;
  scope.route = { match, path: embedded.path, rendered: loaded?.rendered };
  const { middleware, skip } = index.pageChain(loaded);
  const ctx = new PageCallContext(c, match?.node.pattern, { ...at, params: match?.params ?? {} });
  let html: string | undefined;
  try {
    await runChain(
      middleware,
      ctx,
      async () => {
        html = await renderWithData(skip);
      },
      () => {
        throw new Error(
          `A middleware around the page ${at.path} returned without calling next() or throwing an outcome.`,
        );
      },
    );
    return answer(html as string, match ? 200 : 404);
  } catch (error) {
    const outcome = asOutcome(error);
    if (!outcome || isRedirect(outcome)) return answerOutcome(c, error, runner.allowedRedirects);
    // A deny or a render: the route's place shows it; the rest of the document renders as usual.
    let status = 200;
    if (isRender(outcome)) {
      scope.route = { match, component: outcome.component };
      embedded.route = { replaced: true };
    } else {
      const denied = { status: outcome.status, message: outcome.message };
      scope.route = { match, denied };
      embedded.route = { denied };
      status = outcome.status;
    }
    scope.wanted = new Set(scope.data.keys());
    try {
      return answer(await renderWithData(), status);
    } catch (again) {
      return answerOutcome(c, again, runner.allowedRedirects);
    }
  }
}

interface EmbeddedState {
  path: string;
  data: Record<string, unknown>;
  form: FormResult | undefined;
  route?: EmbeddedRoute;
}

/** The tree's HTML with its pages' data: each loader runs through its chain, less `skip`; its outcomes are thrown. */
function renderPasses(
  c: Context,
  tree: VNode<any>,
  scope: PageRenderScope,
  runner: PageLoaderRunner,
  at: LoaderLocation,
  embedded: EmbeddedState,
  skip?: ReadonlySet<unknown>,
): Promise<string> {
  return renderTree(tree, scope, async (loader) => {
    const { key, name } = identify(loader);
    try {
      const data = await runner.run(c, key, name, at, skip);
      scope.data.set(loader, data);
      embedded.data[`${key}:${name}`] = data;
    } catch (error) {
      const outcome = asOutcome(error);
      if (outcome && isRender(outcome)) throw renderOutsidePage(`the loader ${key}.${name}`);
      throw error;
    }
  });
}

function logRefusedRedirect(line: string): void {
  console.warn(`[hono-preact-actions] refused redirect: ${line}`);
}

/** A redirect (through the redirect rule), or a deny answered as a bare page with its status; anything else is thrown on. */
function answerOutcome(c: Context, error: unknown, allowedRedirects?: readonly string[]): Response {
  const outcome = asOutcome(error);
  if (!outcome || isRender(outcome)) throw error;
  if (isRedirect(outcome)) {
    const decision = decideRedirect(outcome.to, c.req.url, allowedRedirects);
    if (!('refused' in decision)) return c.redirect(decision.to, outcome.status as RedirectStatusCode);
    logRefusedRedirect(`a page redirected to ${JSON.stringify(outcome.to)}: ${decision.refused}`);
    return barePage(c, 'This page tried to redirect off the site.', 400);
  }
  return barePage(c, outcome.message, outcome.status);
}

function barePage(c: Context, message: string, status: number): Response {
  return c.html(
    `<!doctype html><title>${escapeHtml(message)}</title><p>${escapeHtml(message)}</p>`,
    status as ContentfulStatusCode,
  );
}

/**
 * A <Form> posted without JavaScript: run its action through the actions handler (the same origin check,
 * limits, decoding, coercion and chain as a fetch call), keep the answer for the next page view, and
 * redirect back (POST-redirect-GET), so a reload does not post again.
 */
async function answerFormPost(c: Context, actions: UnitHandler | undefined): Promise<Response> {
  const module = c.req.query(MODULE_PARAM);
  const action = c.req.query(ACTION_PARAM);
  if (!module || !action) return c.text('This page takes form posts for an action: ?module=…&action=…', 400);
  const response = await formActionsHandler(actions)(c);
  const answer = isEventStream(response) ? await readStreamOutcome(response, c.req.raw.signal) : await response.json();
  // Refused by the origin check: nothing ran, so nothing is set and nothing is followed (no cookie, no 303).
  if (answer.error && ORIGIN_REFUSALS.has(answer.error.reason)) return refusedPage(c, answer.error.message);
  // The actions handler has put the target through the redirect rule already.
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
  // A page at `//evil.example` is this site's, but a Location spelled so leaves it: the one rule decides.
  const decision = decideRedirect(back.pathname + back.search, c.req.url);
  if ('refused' in decision)
    logRefusedRedirect(`the way back after a form post, ${back.pathname}: ${decision.refused}`);
  return c.redirect('refused' in decision ? '/' : decision.to, 303);
}

const ORIGIN_REFUSALS = new Set(['CROSS_SITE', 'HOST_NOT_ALLOWED']);

function refusedPage(c: Context, message: string): Response {
  return c.html(`<!doctype html><title>Forbidden</title><p>${escapeHtml(message)}</p>`, 403);
}

const FORM_RESULT_PATTERN = new RegExp(`(?:^|;\\s*)${FORM_RESULT_COOKIE}=([^;]*)`);

/** The answer of the form posted before this page view, read once: the cookie is cleared as it is read. */
function takeFormResult(c: Context): FormResult | undefined {
  const cookie = c.req.header('cookie');
  // Most views follow no form post: their cookies need no RegExp to say so.
  if (!cookie?.includes(`${FORM_RESULT_COOKIE}=`)) return undefined;
  const match = FORM_RESULT_PATTERN.exec(cookie);
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
  if (defaultTitle && !/<title[\s>]/.test(html)) {
    const title = `<title>${escapeHtml(defaultTitle)}</title>`;
    html = html.includes('<head>') ? html.replace('<head>', `<head>${title}`) : `${title}${html}`;
  }
  // Asked of the app's HTML before the script is spliced in, so the document is one string built once.
  const doctype = html.startsWith('<html') ? '<!doctype html>' : '';
  const bodyEnd = html.indexOf('</body>');
  if (bodyEnd === -1) return `${doctype}${html}${script}`;
  return `${doctype}${html.slice(0, bodyEnd)}${script}${html.slice(bodyEnd)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The scope's routeView: what renderPage decided <Routes> shows, which it can only have decided for
 * the routes the handlers were given.
 */
function routeView(this: PageRenderScope, routes: RouteTable): RouteView {
  const decided = this.route;
  if (!decided || (decided.match && !routes.nodes.includes(decided.match.node))) {
    // Server code only, so the whole explanation costs no client bytes: no development-only branch.
    throw new Error(
      "<Routes> rendered on the server with routes the handlers do not have: pass the same `routes` to loadersHandler and actionsHandler (renderPage takes the loaders handler's).",
    );
  }
  return decided;
}

/**
 * The scope's pageShown. renderPage runs a page's server middleware only for the routes it matched: a
 * definePage page rendered without routes would show ungated, so it is an error rather than a silent bypass.
 */
function pageShown(this: PageRenderScope): void {
  if (this.route) return;
  // Server code only, so the whole explanation costs no client bytes: no development-only branch.
  throw new Error(
    'definePage(…) rendered on the server without routes, so its `use` would not run. Render it as a view or layout of defineRoutes(…), and pass `routes` to loadersHandler and actionsHandler.',
  );
}
