// Page data: getLoaderData(View, { serverLoader }) gives a page its loader's data as `loaderData`.
// On the server (where serverLoader is the real function) renderPage runs it through the loader
// chain and embeds the result; on the client (where it is the compiler's stub) the first render
// takes the embedded data, a client navigation fetches through POST /__loaders, and
// `invalidate: 'auto'` or a cache invalidation fetches again.
import { type ComponentType, h, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Cache } from './client/cache.ts';
import { call, type UnitStub } from './client/call.ts';
import { setPageReloader } from './client/navigation.ts';
import type { LoaderLocation } from './context.ts';
import type { Loader, LoaderUnit } from './define.ts';
import { stubOf } from './shared/unit-identity.ts';
import type { FormResult } from './shared/wire.ts';
import type { HeadTags } from './page/head.ts';
import type { RouteMatch, RouteTable } from './page/routes.ts';

/** The props a page gets: `({ loaderData }: LoaderData<{ movies: Movie[] }>) => …`. */
export interface LoaderData<T> {
  loaderData: T;
}

/** What renderPage provides while it renders: the loaders a page asked for, and their data once run. */
export interface PageRenderScope {
  wanted: Set<object>;
  data: Map<object, unknown>;
  /** The answer of a form posted without JavaScript just before this page view. */
  formResult?: FormResult;
  /** With routes: what renderPage decided <Routes> shows. */
  route?: RouteView;
  /**
   * What <Routes> shows in this render: `route`, checked against the routes <Routes> was given
   * (server/render-page.ts). Server code, given by renderPage, so client bundles do not carry it.
   */
  routeView(this: PageRenderScope, routes: RouteTable): RouteView;
  /**
   * A definePage page renders: an error unless routes decided what shows (server/render-page.ts). Server
   * code, given by renderPage, so client bundles do not carry it.
   */
  pageShown(this: PageRenderScope): void;
  /** The title and meta tags the rendered pages set with <Head>. */
  head?: HeadTags;
  /** While renderPage renders once and fills each waiting page's place when its data is in. */
  deferral?: PageDeferral;
  /**
   * A getLoaderData page in this render: its view with the loader's data, or a wait for it
   * (server/render-tree.ts). Server code, given by renderPage, so client bundles do not carry it.
   */
  renderLoaderPage(
    this: PageRenderScope,
    view: (data: unknown) => VNode<any>,
    loader: object,
    context: object | undefined,
    component: unknown,
  ): VNode<any> | string | null;
}

/**
 * How a page without its data waits in a render that is not repeated: its place holds a token, and
 * `view` is rendered there (with the same context) once the loader has run.
 */
export interface PageDeferral {
  /**
   * The token standing in the HTML for the page rendered by `component` (the renderer's instance), or
   * null where the page cannot wait so (it shows nothing, and the tree is rendered again with the data).
   */
  wait(view: () => VNode<any>, context: object | undefined, component: unknown): string | null;
  /** <Head> wrote the title or meta: where it did decides whether a render in parts keeps their order. */
  headWritten(): void;
}

/** What <Routes> shows: a match's layouts and view, or the outcome its page layer threw. */
export interface RouteView {
  match: RouteMatch | null;
  /** The path and query shown: the view is keyed by it, so /movies/1 to /movies/2 loads afresh. */
  path?: string;
  rendered?: ComponentType<any>[];
  denied?: { status: number; message: string };
  /** A render(Component) outcome's component. */
  component?: ComponentType;
  /** The server rendered a replacement: hydrate its HTML as it is. */
  frozen?: boolean;
}

/** The route decision the first client render must repeat. */
export interface EmbeddedRoute {
  denied?: { status: number; message: string };
  replaced?: true;
}

/** Pages fetching their first data after a navigation: the route announcer waits for them. */
export const pageLoads: { pending: number; settled?: (() => void) | undefined } = { pending: 0 };

let rendering: PageRenderScope | null = null;

/**
 * The scope of the server render under way, or null (in the browser, always). renderPage sets it around
 * each of its renders, which are synchronous, so no other render can see it: a module variable rather
 * than a context provider, whose instance, subscriptions and context copy each render would pay for.
 */
export function pageRenderScope(): PageRenderScope | null {
  return rendering;
}

/** Runs a synchronous render with `scope` as the page render's scope. */
export function renderInScope<T>(scope: PageRenderScope, render: () => T): T {
  const outer = rendering;
  rendering = scope;
  try {
    return render();
  } finally {
    rendering = outer;
  }
}

/** The id of the script element that carries the server's loader data to the first client render. */
export const EMBEDDED_DATA_ID = '__hpa_data';

export interface GetLoaderDataOptions<T> {
  serverLoader: Loader<T> | LoaderUnit<T>;
  /** Keep the data per location in a cache; invalidating it (by name, from any page) fetches again. */
  cache?: Cache<T>;
}

export function getLoaderData<T, P extends object = object>(
  View: ComponentType<P & LoaderData<T>>,
  options: GetLoaderDataOptions<T>,
): ComponentType<Omit<P, 'loaderData'>> {
  const loader: unknown = options.serverLoader;
  // `context`: the render's context (the providers above), for a view rendered later in this place.
  return function Page(this: unknown, props: Omit<P, 'loaderData'>, context?: object) {
    const scope = pageRenderScope();
    const view = (data: unknown) => h(View, { ...(props as P), loaderData: data as T });
    if (typeof loader === 'function') {
      if (!scope) {
        let message = 'getLoaderData outside renderPage()';
        // The explanation is for developers: production builds drop it (ARCHITECTURE.md, developer messages).
        try {
          if (process.env.NODE_ENV !== 'production')
            message = 'A page with getLoaderData rendered on the server outside renderPage().';
        } catch {}
        throw new Error(message);
      }
      return scope.renderLoaderPage(view, loader, context, this);
    }
    return h(ClientPage<T>, { view, stub: loader as UnitStub, cache: options.cache });
  };
}

function ClientPage<T>({ view, stub, cache }: { view: (data: T) => VNode<any>; stub: UnitStub; cache?: Cache<T> }) {
  const [data, setData] = useState<T | undefined>(() => takeEmbedded<T>(stub) ?? cache?.get(currentPath()));
  // A failed load (a deny, a crash) is thrown while rendering, for <Routes> (or the app's boundary) to show.
  const [error, setError] = useState<unknown>();
  if (error) throw error;
  useEffect(() => {
    const load = async () => {
      const result = await call(stub, currentLocation());
      // Redirected: the call has followed it.
      if (result.redirected) return;
      cache?.set(result.data as T, currentPath());
      setData(result.data as T);
    };
    if (data === undefined) {
      pageLoads.pending++;
      load()
        .catch(setError)
        .finally(() => {
          pageLoads.pending--;
          pageLoads.settled?.();
        });
    }
    const release = setPageReloader(load);
    const unsubscribe = cache?.subscribe(() => void load());
    return () => {
      release();
      unsubscribe?.();
    };
  }, []);
  return data === undefined ? null : view(data);
}

/** The browser's path and query: what a page's data and the server's render are kept for. */
export function currentPath(): string {
  return location.pathname + location.search;
}

function currentLocation(): LoaderLocation {
  return { path: location.pathname, search: location.search };
}

let embedded:
  { path: string; data: Record<string, unknown>; form?: FormResult; route?: EmbeddedRoute } | null | undefined;

/** The server render's embedded state, when it was rendered for the path the browser is on. */
export function readEmbedded() {
  if (embedded === undefined) {
    const script = typeof document === 'undefined' ? null : document.getElementById(EMBEDDED_DATA_ID);
    embedded = script?.textContent ? JSON.parse(script.textContent) : null;
  }
  return embedded && embedded.path === currentPath() ? embedded : null;
}

/**
 * The answer a form for this action got when it was posted without JavaScript, on the page view that
 * followed (server render and hydration alike); undefined on any other view.
 */
export function useFormResult(action: unknown): FormResult | undefined {
  const scope = pageRenderScope();
  const stub = stubOf(action);
  const result = scope ? scope.formResult : readEmbedded()?.form;
  return stub && result?.module === stub.module && result.action === stub.action ? result : undefined;
}

/** The server's data for this loader, once, and only if it was rendered for the page we are on. */
function takeEmbedded<T>(stub: UnitStub): T | undefined {
  const data = readEmbedded()?.data;
  // A `module:loader` key names no property objects inherit, and JSON has no undefined: undefined is absent.
  const key = `${stub.module}:${stub.loader}`;
  const value = data?.[key] as T | undefined;
  if (value !== undefined) delete data![key];
  return value;
}
