// Where a redirect outcome sends the browser. Same-origin targets only: an action cannot send the
// user to another site. A router can take over navigation with setNavigator (preact-iso's route()).
let navigate = (to: string) => location.assign(to);

export function setNavigator(navigator: (to: string) => void): void {
  navigate = navigator;
}

export function followRedirect(to: string): void {
  const target = new URL(to, location.href);
  if (target.origin !== location.origin) throw new Error(`Refused redirect to ${target.origin}`);
  navigate(target.pathname + target.search + target.hash);
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
