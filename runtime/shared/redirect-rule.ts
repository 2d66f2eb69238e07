// The one rule for every redirect the runtime answers or follows: the target is resolved against the
// current URL the way a browser resolves it (`/\evil`, `//evil` and `/.//evil` included), and it may
// leave the current origin only for an origin the app allowed. A same-origin target is spelled as a path
// that resolves to the same place anywhere (never one starting with `//`, which a browser reads as
// another host); an allowed other origin, as its full URL.

export type RedirectDecision = { to: string; external: boolean } | { refused: string };

export function decideRedirect(
  to: string,
  current: string | URL,
  allowedOrigins: readonly string[] = [],
): RedirectDecision {
  let target: URL;
  let base: URL;
  try {
    base = new URL(current);
    target = new URL(to, base);
  } catch {
    return { refused: 'it is not a URL' };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return { refused: `its scheme ${target.protocol} is not http or https` };
  }
  if (target.origin !== base.origin) {
    return allowedOrigins.includes(target.origin)
      ? { to: target.href, external: true }
      : { refused: `${target.origin} is another origin` };
  }
  if (target.pathname.startsWith('//')) return { refused: 'its path starts with //, which reads as another host' };
  return { to: target.pathname + target.search + target.hash, external: false };
}
