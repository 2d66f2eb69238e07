// The ways a call sends the browser off the page, loaded on demand with the first (a page that is never
// redirected and never outlives a deploy never loads them): a redirect outcome, followed by the one rule
// (shared/redirect-rule.ts), for navigation.ts; a reload for a newer build, for call.ts.
import { checkRedirect, describeRefusal } from '../shared/redirect-rule.ts';

export function followRedirect(to: string, external: boolean, navigate: (to: string) => void): void {
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
