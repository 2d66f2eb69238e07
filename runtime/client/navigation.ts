// Where a redirect outcome sends the browser: the one rule of shared/redirect-rule.ts, decided on the
// resolved URL. A same-origin target goes to the navigator (a router can take over with setNavigator,
// preact-iso's route()); another origin only when the server vouched for it (its `allowedRedirects`).
// The rule and its use (leave-page.ts) load on demand, like the stream reader: a redirect is a
// navigation anyway, and a page that is never redirected never loads them.

let navigate = (to: string) => location.assign(to);

export function setNavigator(navigator: (to: string) => void): void {
  navigate = navigator;
}

export async function followRedirect(to: string, external = false): Promise<void> {
  (await import('./leave-page.ts')).followRedirect(to, external, navigate);
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
