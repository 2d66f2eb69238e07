// Where a redirect outcome sends the browser: the one rule of shared/redirect-rule.ts, decided on the
// resolved URL. A same-origin target goes to the navigator (a router can take over with setNavigator,
// preact-iso's route()); another origin only when the server vouched for it (its `allowedRedirects`).
// The rule is loaded on demand, like the stream reader: a redirect is a navigation anyway, and a page
// that is never redirected never loads it.

let navigate = (to: string) => location.assign(to);

export function setNavigator(navigator: (to: string) => void): void {
  navigate = navigator;
}

export async function followRedirect(to: string, external = false): Promise<void> {
  const { checkRedirect, describeRefusal } = await import('../shared/redirect-rule.ts');
  let vouched: string[] = [];
  if (external) {
    try {
      vouched = [new URL(to).origin];
    } catch {}
  }
  const decision = checkRedirect(to, location.href, vouched);
  if ('refused' in decision) {
    let message = `Refused redirect to ${JSON.stringify(to)}`;
    // Why, in development only: production builds drop the branch (and the words of the reasons with it).
    // The try: a browser bundle nothing defined `process` for keeps the short message, never a ReferenceError.
    try {
      if (process.env.NODE_ENV !== 'production') message += `: ${describeRefusal(decision)}`;
    } catch {}
    throw new Error(message);
  }
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
