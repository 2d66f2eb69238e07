// What a client navigation runs between loading a route's components and showing them: the client
// members of the app's, the gating layouts' and the view's `use`, outermost first, and the outcome one
// of them threw (a deny, a render(Component), a redirect). <Routes> loads this module on the first
// navigation (or a <Link>'s intent), with the route's own chunks: a page the user never leaves never
// loads the chain, the outcomes or the announcer, and hydration does not wait for them.
import type { ClientContext } from '../context.ts';
import type { AppConfig } from '../define.ts';
import type { MiddlewareFn } from '../middleware.ts';
import { asOutcome, isRedirect, isRender } from '../outcome-of.ts';
import type { RouteView } from '../page-data.ts';
import { flattenRings, runChain } from '../server/chain.ts';
import { useOf } from './define-page.ts';
import type { LoadedRoute, RouteMatch } from './routes.ts';

export { announcePage } from './announce.ts';

/** A redirect chain longer than this is a loop between gates: shown as an error, not followed forever. */
const MAX_REDIRECTS = 10;

/**
 * Runs the route's client middleware around `show` (the view committed when the chain reaches its end).
 * Returns the path a redirect outcome sends the navigation to; any other outcome is shown through `show`.
 */
export async function runClientChain(
  app: AppConfig | undefined,
  loaded: LoadedRoute,
  match: RouteMatch,
  url: URL,
  redirects: number,
  show: (view: RouteView) => void,
): Promise<string | undefined> {
  const ctx: ClientContext = {
    scope: 'page',
    route: match.node.pattern,
    location: { path: url.pathname, search: url.search, params: match.params },
  };
  try {
    const { ran } = await runChain(clientMiddleware(app, loaded, match.node.pattern), ctx, () =>
      show({ match, path: url.pathname + url.search, rendered: loaded.rendered }),
    );
    if (!ran) {
      let message = `${match.node.pattern}: a middleware did not call next()`;
      // The explanation is for developers: production builds drop it (ARCHITECTURE.md, developer messages).
      try {
        if (process.env.NODE_ENV !== 'production')
          message = `A client middleware of ${match.node.pattern} returned without calling next().`;
      } catch {}
      throw new Error(message);
    }
  } catch (thrown) {
    const outcome = asOutcome(thrown);
    if (!outcome) {
      show({ match, denied: { status: 500, message: thrown instanceof Error ? thrown.message : String(thrown) } });
    } else if (!isRedirect(outcome)) {
      show(isRender(outcome) ? { match, component: outcome.component } : { match, denied: outcome });
    } else if (redirects >= MAX_REDIRECTS) {
      show({ match, denied: { status: 508, message: `Too many redirects, the last to ${outcome.to}` } });
    } else {
      return outcome.to;
    }
  }
  return undefined;
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
