// Cross-site refusal, decided from headers alone so it happens before a byte of the body is read,
// whatever the content type (SvelteKit's CVE-2023-29008 was a content-type bypass of exactly this).

export interface OriginOptions {
  /** Origins besides the server's own that may call, e.g. `https://admin.example.com`. */
  allowedOrigins?: readonly string[];
  /** Believe `X-Forwarded-Host` and `X-Forwarded-Proto`: only behind a proxy that sets them, since clients can forge them. */
  trustProxy?: boolean;
}

/** A check for one handler: true when the request comes from another site and must be refused. */
export function createCrossSiteCheck(options: OriginOptions): (request: Request) => boolean {
  const allowed = new Set(options.allowedOrigins ?? []);
  const trustProxy = options.trustProxy ?? false;

  return (request) => {
    const headers = request.headers;
    const site = headers.get('sec-fetch-site');
    if (site === 'same-origin' || site === 'none') return false;
    const origin = headers.get('origin');
    if (origin !== null && allowed.has(origin)) return false;
    // The browser itself says the caller is another site: only allowedOrigins can vouch for it.
    if (site === 'cross-site' || site === 'same-site') return true;
    // No Fetch Metadata (older browsers, curl, servers): without Origin there is no browser to protect.
    if (origin === null) return false;
    if (origin === 'null') return true;
    return origin !== ownOrigin(request, trustProxy);
  };
}

function ownOrigin(request: Request, trustProxy: boolean): string {
  const headers = request.headers;
  const forwardedHost = trustProxy ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const forwardedProto = trustProxy ? headers.get('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  const url = new URL(request.url);
  const host = forwardedHost || headers.get('host') || url.host;
  const protocol = forwardedProto ? `${forwardedProto}:` : url.protocol;
  return `${protocol}//${host}`;
}
