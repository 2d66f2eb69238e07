// Where a redirect outcome sends the browser: the one rule of shared/redirect-rule.ts, decided on the
// resolved URL. A same-origin target goes to the navigator (a router can take over with setNavigator,
// preact-iso's route()); another origin only when the server vouched for it (its `allowedRedirects`).
import { decideRedirect } from '../shared/redirect-rule.ts';

let navigate = (to: string) => location.assign(to);

export function setNavigator(navigator: (to: string) => void): void {
  navigate = navigator;
}

export function followRedirect(to: string, external = false): void {
  let vouched: string[] = [];
  if (external) {
    try {
      vouched = [new URL(to).origin];
    } catch {}
  }
  const decision = decideRedirect(to, location.href, vouched);
  if ('refused' in decision) throw new Error(`Refused redirect to ${JSON.stringify(to)}: ${decision.refused}`);
  if (decision.external) location.assign(decision.to);
  else navigate(decision.to);
}

/** The page's own loader re-run, for `invalidate: 'auto'`; the page layer registers it. */
let reloadPage: () => Promise<void> = async () => {};

export function setPageReloader(reloader: () => Promise<void>): () => void {
  reloadPage = reloader;
  return () => {
    if (reloadPage === reloader) reloadPage = async () => {};
  };
}

export function reloadCurrentPage(): Promise<void> {
  return reloadPage();
}

const RELOADED = 'hpa:build';

/**
 * The server runs a newer build than this page: reload once to get it. Once per build, so a server that
 * keeps answering STALE_CLIENT cannot make the page reload in a loop.
 */
export function reloadForNewBuild(build: string | undefined): void {
  if (!build || sessionStorage.getItem(RELOADED) === build) return;
  sessionStorage.setItem(RELOADED, build);
  location.reload();
}
