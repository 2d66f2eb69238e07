// A client navigation: the route a path matches, its components loaded, then the client members of the
// app's, the gating layouts' and the view's `use`, outermost first, and the outcome one of them threw
// (a deny, a render(Component), a redirect); and the announcer. <Routes> loads this module on the first
// navigation (or a <Link>'s intent), with the route's own chunks: a page the user never leaves never
// loads the chain, the outcomes or the announcer, and hydration does not wait for them. It imports nothing
// the page loads up front: a shared module would be split by bundlers into a chunk of its own, one more
// file before the page is interactive.
import type { ClientContext } from '../context.ts';
import type { AppConfig } from '../define.ts';
import type { MiddlewareFn } from '../middleware.ts';
import { asOutcome, isRedirect, isRender } from '../outcome-of.ts';
import type { RouteView } from '../page-data.ts';
import { flattenRings, runChain } from '../server/chain.ts';
import type { LoadedRoute, RouteMatch, RouteTable } from './routes.ts';
import { useOf } from './use-of.ts';

export { announcePage } from './announce.ts';

/** A redirect chain longer than this is a loop between gates: shown as an error, not followed forever. */
const MAX_REDIRECTS = 10;

/** <Routes>' own navigation (host.ts's `go`): a redirect outcome is followed through it, replacing the entry. */
type Go = (to: string, replace: boolean, redirects: number) => void;

/**
 * Shows `path` through `show`, unless a newer navigation began (`current` answers false: this one stops,
 * its chain not run and its view not shown). `redirects` is -1 for the back and forward buttons, whose
 * scroll position the browser restores. A redirect outcome goes on through `go`.
 */
export async function navigateTo(
  routes: RouteTable,
  app: AppConfig | undefined,
  path: string,
  redirects: number,
  current: () => boolean,
  show: (view: RouteView) => void,
  go: Go,
): Promise<void> {
  const url = new URL(path, location.href);
  const match = routes.match(url.pathname);
  const commit = (next: RouteView) => {
    if (!current()) return;
    show(next);
    if (redirects >= 0 && !url.hash) scrollTo(0, 0);
  };
  if (!match) return commit({ match });
  // A view's chunk that fails to load (a deploy removed it, the network dropped) gets a full page load
  // of the same URL instead: the server renders it, with the new build's scripts.
  const loaded = await routes.load(match).catch(() => null);
  if (!current()) return;
  if (!loaded) return location.assign(url.href);
  return runClientChain(app, loaded, match, url, Math.max(redirects, 0), commit, go);
}

/**
 * Runs the route's client middleware around `show` (the view committed when the chain reaches its end).
 * A redirect outcome goes on through `go`; any other outcome is shown through `show`.
 */
async function runClientChain(
  app: AppConfig | undefined,
  loaded: LoadedRoute,
  match: RouteMatch,
  url: URL,
  redirects: number,
  show: (view: RouteView) => void,
  go: Go,
): Promise<void> {
  const ctx: ClientContext = {
    scope: 'page',
    route: match.node.pattern,
    location: { path: url.pathname, search: url.search, params: match.params },
  };
  try {
    await runChain(
      clientMiddleware(app, loaded, match.node.pattern),
      ctx,
      () => show({ match, path: url.pathname + url.search, rendered: loaded.rendered }),
      () => {
        let message = `${match.node.pattern}: a middleware did not call next()`;
        // The explanation is for developers: production builds drop it (ARCHITECTURE.md, developer messages).
        try {
          if (process.env.NODE_ENV !== 'production')
            message = `A client middleware of ${match.node.pattern} returned without calling next().`;
        } catch {}
        throw new Error(message);
      },
    );
  } catch (thrown) {
    const outcome = asOutcome(thrown);
    if (!outcome) {
      show({ match, denied: { status: 500, message: thrown instanceof Error ? thrown.message : String(thrown) } });
    } else if (!isRedirect(outcome)) {
      show(isRender(outcome) ? { match, component: outcome.component } : { match, denied: outcome });
    } else if (redirects >= MAX_REDIRECTS) {
      show({ match, denied: { status: 508, message: `Too many redirects, the last to ${outcome.to}` } });
    } else {
      go(outcome.to, true, redirects + 1);
    }
  }
}

/** The client members of the app's, the gating layouts' and the view's `use`, outermost first. */
function clientMiddleware(
  app: AppConfig | undefined,
  loaded: LoadedRoute,
  where: string,
): MiddlewareFn<ClientContext>[] {
  const uses = [app?.use, ...loaded.gates.map((gate) => useOf(gate.layout)), useOf(loaded.view)];
  return flattenRings(uses, `the page ${where}`, 'client').middleware;
}
