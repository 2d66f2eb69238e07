// The page host: <Routes routes={…} /> shows the route a path matches, inside its layouts. On the server
// it shows what renderPage decided (the page chain already ran). In the browser it takes over
// navigation: each intra-app navigation loads the route's components, runs the client members of its
// pages' `use` (gating layouts first), and shows the page, or the outcome one of them threw.
import { type AnchorHTMLAttributes, type ComponentType, h, type TargetedMouseEvent, type VNode } from 'preact';
import { useEffect, useErrorBoundary, useState } from 'preact/hooks';
import type { AppConfig } from '../define.ts';
import { currentPath, pageLoads, pageRenderScope, readEmbedded, type RouteView } from '../page-data.ts';
import { setNavigator } from '../client/navigation.ts';
import { type RouteTable, splitPath } from './routes.ts';

export interface DeniedProps {
  status: number;
  message: string;
}

export interface RoutesProps {
  routes: RouteTable;
  /** The app config (defineApp): its client members run first on every navigation. Its server members run on the server, from the handlers' `app`. */
  app?: AppConfig;
  /** Shown when no route matches (the server answers 404 with it). */
  notFound?: ComponentType;
  /** Shown for a deny outcome, and for an error while loading the page's data. */
  denied?: ComponentType<DeniedProps>;
}

/** What a navigation runs once its components are in, loaded with the first one (client-chain.ts). */
const loadClientChain = () => import('./client-chain.ts');

/**
 * The live region the route announcer speaks through: in the document from the first render on, so
 * screen readers already watch it when the first navigation speaks (the announcer loads with that one).
 */
let liveRegion: HTMLElement | undefined;

const listeners = new Set<(path: string, redirects: number) => void>();
/** The shown <Routes>' route loader, for <Link>'s prefetch on intent. */
let preloadPath: ((path: string) => Promise<unknown>) | undefined;

/** Navigates within the app (pushState, or replaceState with `replace`); <Routes> shows the new path. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  go(to, options.replace ?? false, 0);
}

function go(to: string, replace: boolean, redirects: number): void {
  const url = new URL(to, location.href);
  if (url.origin !== location.origin) {
    let message = `Refused navigation to ${url.origin}`;
    // The explanation is for developers: production builds drop it (ARCHITECTURE.md, developer messages).
    try {
      if (process.env.NODE_ENV !== 'production')
        message = `Refused navigation to ${url.origin}: another site is not this app's to navigate to. Use location.assign() to leave it.`;
    } catch {}
    throw new Error(message);
  }
  const path = url.pathname + url.search;
  history[replace ? 'replaceState' : 'pushState'](null, '', path + url.hash);
  for (const listener of listeners) listener(path, redirects);
}

/**
 * A link within the app: a client navigation on a plain click; the browser's own for a modified click,
 * a `target`, a `download`, or when the link's own onClick prevented the default.
 */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }): VNode<any> {
  // On intent (a pointer reaches it, mouse or touch alike, or focus does), the route's code loads, so
  // the click has less to wait for. A failure is left to the click, which falls back to a page load.
  const intent = (name: 'onPointerEnter' | 'onFocus') => (event: Event) => {
    (props[name] as ((event: Event) => void) | undefined)?.(event);
    const url = new URL(props.href, location.href);
    if (url.origin === location.origin) preloadPath?.(url.pathname).catch(() => {});
  };
  return h('a', {
    ...props,
    onPointerEnter: intent('onPointerEnter'),
    onFocus: intent('onFocus'),
    onClick: (event: TargetedMouseEvent<HTMLAnchorElement>) => {
      (props.onClick as ((event: MouseEvent) => void) | undefined)?.(event);
      if (event.defaultPrevented || event.button !== 0 || props.target || props.download) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(props.href);
    },
  });
}

export function Routes({ routes, app, notFound = NotFound, denied = Denied }: RoutesProps): VNode<any> {
  const scope = pageRenderScope();
  const [view, setView] = useState<RouteView>(() => (scope ? scope.routeView(routes) : hydratedView(routes)));
  const [error, resetError] = useErrorBoundary();
  const [firstView] = useState(view);

  // Every view after the first is a navigation: focus and announce it once it shows.
  useEffect(() => {
    if (view !== firstView) void loadClientChain().then((chain) => chain.announcePage(liveRegion, pageLoads));
  }, [view]);

  useEffect(() => {
    let latest = 0;
    // The navigation itself (match, load, client chain, outcome, redirect) is client-chain.ts's, loaded on
    // demand; a chain that fails to load (a deploy removed it, the network dropped) gets a full page load instead.
    const show = (path: string, redirects: number) => {
      const navigation = ++latest;
      const current = () => navigation === latest;
      const commit = (next: RouteView) => {
        resetError();
        setView(next);
      };
      loadClientChain().then(
        (chain) => chain.navigateTo(routes, app, path, redirects, current, commit, go),
        () => location.assign(path),
      );
    };
    // `redirects` is -1 for the back and forward buttons, whose scroll position the browser restores.
    const onPopState = () => show(currentPath(), -1);
    listeners.add(show);
    addEventListener('popstate', onPopState);
    // Redirects from actions and loaders come here too: one navigation path for the whole app.
    setNavigator(navigate);
    preloadPath = (path) => Promise.all([routes.preload(path), loadClientChain()]);
    if (!liveRegion?.isConnected) {
      liveRegion = document.createElement('div');
      liveRegion.setAttribute('aria-live', 'polite');
      // Visually hidden, still read: clipped to nothing, and fixed, so it takes no room and adds no
      // scrolling however long its text (what the usual 1px box does, in fewer bytes). Set through the
      // CSSOM, which a strict CSP allows.
      liveRegion.style.cssText = 'position:fixed;clip-path:inset(50%)';
      document.body.append(liveRegion);
    }
    return () => {
      listeners.delete(show);
      removeEventListener('popstate', onPopState);
    };
  }, [routes]);

  if (error) {
    const { status = 500, message } = error as Error & { status?: number };
    return h(denied, { status, message });
  }
  return showView(view, notFound, denied);
}

/** What the server rendered, as the first client render must repeat it. */
function hydratedView(routes: RouteTable): RouteView {
  const match = routes.match(location.pathname);
  const decided = readEmbedded()?.route;
  // The server's deny, or a component it rendered in the page's place (kept as the server rendered it).
  if (!match || decided) return { match, denied: decided?.denied, frozen: decided?.replaced };
  const loaded = routes.loaded(match);
  if (!loaded) {
    let message = `<Routes>: ${match.node.pattern} not loaded`;
    // The explanation is for developers: production builds drop it (ARCHITECTURE.md, developer messages).
    try {
      if (process.env.NODE_ENV !== 'production')
        message = `<Routes>: ${match.node.pattern} is not loaded yet. Await routes.preload(location.pathname) before hydrate().`;
    } catch {}
    throw new Error(message);
  }
  return { match, path: currentPath(), rendered: loaded.rendered };
}

// The wrapper marks a replaced page; in the browser a server's replacement is hydrated as it is
// (Preact leaves an element's innerHTML alone while hydrating), so it shows, static, until the next navigation.
const REPLACED = 'data-hpa-render';

function showView(view: RouteView, notFound: ComponentType, denied: ComponentType<DeniedProps>): VNode<any> {
  const { match, path = '', rendered = [] } = view;
  if (!match) return h(notFound, null);
  if (view.denied) return h(denied, view.denied);
  if (view.component) return h('div', { [REPLACED]: '' }, h(view.component, null));
  if (view.frozen) return h('div', { [REPLACED]: '', dangerouslySetInnerHTML: { __html: '' } });
  const { params } = match;
  // Keys: the view remounts (and loads afresh) when the path or query changes; a layout only when the
  // part of the path its own pattern covers does (/projects/7 to /projects/8, not /projects/7/board to …/files).
  const parts = splitPath(path.split('?')[0]);
  return match.node.chain
    .filter((node) => node.definition.layout)
    .reduceRight(
      (tree, layout, i) => h(rendered[i], { params, key: parts.slice(0, layout.segments.length).join('/') }, tree),
      h(rendered.at(-1) as ComponentType<any>, { params, key: path }),
    );
}

function NotFound(): VNode<any> {
  return h('p', { role: 'alert' }, 'Not found.');
}

function Denied({ message }: DeniedProps): VNode<any> {
  return h('p', { role: 'alert' }, message);
}
