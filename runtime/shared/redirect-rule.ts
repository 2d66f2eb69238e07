// The one rule for every redirect the runtime answers or follows: the target is resolved against the
// current URL the way a browser resolves it (`/\evil`, `//evil` and `/.//evil` included), and it may
// leave the current origin only for an origin the app allowed. A same-origin target is spelled as a path
// that resolves to the same place anywhere (never one starting with `//`, which a browser reads as
// another host); an allowed other origin, as its full URL.

export type RedirectTarget = { to: string; external: boolean };
/** Why a target was refused: not a URL, not http(s), another origin, a path a browser reads as a host. */
export type RedirectRefusal = { refused: 'url' | 'scheme' | 'origin' | 'path'; target?: URL };
export type RedirectDecision = RedirectTarget | { refused: string };

/** The rule alone, its refusal a word: what the browser carries (it spells the reason out only in development). */
export function checkRedirect(
  to: string,
  current: string | URL,
  allowedOrigins: readonly string[] = [],
): RedirectTarget | RedirectRefusal {
  let target: URL;
  let base: URL;
  try {
    base = new URL(current);
    target = new URL(to, base);
  } catch {
    return { refused: 'url' };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return { refused: 'scheme', target };
  if (target.origin !== base.origin) {
    return allowedOrigins.includes(target.origin) ? { to: target.href, external: true } : { refused: 'origin', target };
  }
  if (target.pathname.startsWith('//')) return { refused: 'path', target };
  return { to: target.pathname + target.search + target.hash, external: false };
}

/** The rule with its refusal spelled out, for a log line. */
export function decideRedirect(
  to: string,
  current: string | URL,
  allowedOrigins: readonly string[] = [],
): RedirectDecision {
  const decision = checkRedirect(to, current, allowedOrigins);
  return 'refused' in decision ? { refused: describeRefusal(decision) } : decision;
}

export function describeRefusal({ refused, target }: RedirectRefusal): string {
  if (refused === 'url') return 'it is not a URL';
  if (refused === 'scheme') return `its scheme ${target?.protocol} is not http or https`;
  if (refused === 'origin') return `${target?.origin} is another origin`;
  return 'its path starts with //, which reads as another host';
}
