// Origins and hosts as parsed values: scheme, lower-cased host, port with the scheme's default dropped.
// Both sides of every comparison go through here (the Origin header, the request's own host, the
// allowedOrigins and allowedHosts entries), so `https://Shop.Example:443` and `shop.example` meet as equals.
// An entry that could never match, or would match every site, is refused when the handler is created.

export interface ParsedOrigin {
  scheme: 'http:' | 'https:';
  /** Lower-cased, punycoded, IPv6 in brackets. */
  hostname: string;
  /** '' for the scheme's default port. */
  port: string;
  /** The serialisation browsers send: `https://shop.example`, `http://127.0.0.1:3000`. */
  text: string;
}

export interface HostPattern {
  /** Set when the entry names a scheme (`https://shop.example`); a bare host leaves it to the request. */
  scheme: 'http:' | 'https:' | undefined;
  /** `*` stands for exactly one label, `**` for one or more; only ever the leftmost part. */
  wildcard: '' | '*' | '**';
  /** The hostname, or for a wildcard what follows it (`example.com` of `*.example.com`). */
  hostname: string;
  /** '' for the default port; undefined for a bare host written without one: any port. */
  port: string | undefined;
}

// A host as it may stand in Host, X-Forwarded-Host or an entry: a name or IPv4, or IPv6 in brackets,
// then an optional port. Anything else (a path, credentials, a space) is no host.
const HOST = /^(?:\[[0-9a-f:.]+\]|[^\s/?#@:[\]\\]+)(?::\d{1,5})?$/i;
const ORIGIN = /^(https?):\/\/([^/]*)$/i;

/** The Origin header as browsers serialise it, or undefined for anything else (`null`, a path, another scheme). */
export function parseOrigin(value: string): ParsedOrigin | undefined {
  const match = ORIGIN.exec(value);
  return match ? parseHost(`${(match[1] as string).toLowerCase()}:`, match[2] as string) : undefined;
}

// Origins and hosts repeat (one site, a few partners): a small cache saves a URL parse per call.
const parsed = new Map<string, ParsedOrigin | null>();

/** `host` (`Shop.Example:80`, `[::1]:3000`) under `scheme`, normalised; undefined when it is no host. */
export function parseHost(scheme: string, host: string): ParsedOrigin | undefined {
  const key = `${scheme}//${host}`;
  let result = parsed.get(key);
  if (result === undefined) {
    result = readHost(scheme, host) ?? null;
    if (parsed.size >= 256) parsed.clear();
    parsed.set(key, result);
  }
  return result ?? undefined;
}

function readHost(scheme: string, host: string): ParsedOrigin | undefined {
  if ((scheme !== 'http:' && scheme !== 'https:') || !HOST.test(host)) return undefined;
  let url: URL;
  try {
    url = new URL(`${scheme}//${host}`);
  } catch {
    return undefined;
  }
  return { scheme, hostname: url.hostname, port: url.port, text: url.origin };
}

export function originText(scheme: string, hostname: string, port: string): string {
  return `${scheme}//${hostname}${port ? `:${port}` : ''}`;
}

/**
 * Reads allowedOrigins or allowedHosts entries. A bare host in allowedOrigins (`vercel.com`) means
 * https; in allowedHosts it means that host on any port and the request's own scheme.
 */
export function parsePatterns(
  entries: readonly string[] | undefined,
  option: 'allowedOrigins' | 'allowedHosts',
): HostPattern[] {
  return (entries ?? []).map((entry) => parsePattern(entry, option));
}

function parsePattern(entry: unknown, option: 'allowedOrigins' | 'allowedHosts'): HostPattern {
  const refuse = (why: string) =>
    new TypeError(`hono-preact-actions: the ${option} entry ${JSON.stringify(entry)} ${why}`);
  if (typeof entry !== 'string') throw refuse('is not a string.');
  const text = entry.trim();
  if (text === '') throw refuse('is empty: it would match no browser, only a forged header.');
  if (/^\*+$/.test(text)) {
    throw refuse('would let every site in. List the origins, or decide per request with allowRequest.');
  }
  if (text.toLowerCase() === 'null') {
    throw refuse('is the Origin of sandboxed documents from any site; it cannot be allowed by name.');
  }
  const schemeMatch = /^([a-z][a-z\d+.-]*):\/\//i.exec(text);
  const scheme = schemeMatch ? `${(schemeMatch[1] as string).toLowerCase()}:` : undefined;
  if (scheme !== undefined && scheme !== 'http:' && scheme !== 'https:') {
    throw refuse('is not an http or https origin.');
  }
  let rest = text.slice(schemeMatch?.[0].length ?? 0).replace(/\/$/, '');
  const wildcardMatch = /^(\*\*?)\./.exec(rest);
  const wildcard = (wildcardMatch?.[1] ?? '') as HostPattern['wildcard'];
  rest = rest.slice(wildcardMatch?.[0].length ?? 0);
  if (rest.includes('*')) {
    throw refuse(
      'has a wildcard that is not the leftmost label: write https://*.example.com or https://**.example.com.',
    );
  }
  const hasPort = /:\d+$/.test(rest) && !rest.endsWith(']');
  const host = readHost(scheme ?? (option === 'allowedOrigins' ? 'https:' : 'http:'), rest);
  if (!host) throw refuse('is not an origin (scheme://host[:port], no path) or a host (host[:port]).');
  if (wildcard && !host.hostname.includes('.')) {
    throw refuse(`would match every site under "${host.hostname}": a wildcard needs a domain of two labels or more.`);
  }
  let port: string | undefined = host.port;
  if (option === 'allowedHosts' && scheme === undefined) {
    // A bare host pins the name, not the port (Vite's allowedHosts): written with a port, only that one.
    port = hasPort ? (/:(\d+)$/.exec(rest)?.[1] as string) : undefined;
  }
  return {
    scheme: scheme ?? (option === 'allowedOrigins' ? 'https:' : undefined),
    wildcard,
    hostname: host.hostname,
    port,
  };
}

/** Whether an Origin is the pattern's: scheme (a bare allowedOrigins host means https), host and port. */
export function matchesPattern(pattern: HostPattern, origin: ParsedOrigin): boolean {
  return pattern.scheme === origin.scheme && pattern.port === origin.port && matchesHostname(pattern, origin.hostname);
}

/**
 * Whether the request's own host (from Host, or a trusted X-Forwarded-Host) is an allowedHosts entry's. The
 * scheme is not compared: pinning `https://shop.example` is what lets an app behind a TLS proxy, which sees
 * http, know its own origin. A Host without a port matches an entry's host on any port it names.
 */
export function matchesHost(pattern: HostPattern, host: ParsedOrigin): boolean {
  if (!matchesHostname(pattern, host.hostname)) return false;
  if (pattern.port === undefined || host.port === '') return true;
  const port = pattern.scheme ? pattern.port || defaultPort(pattern.scheme) : pattern.port;
  return host.port === port;
}

function matchesHostname(pattern: HostPattern, hostname: string): boolean {
  if (!pattern.wildcard) return pattern.hostname === hostname;
  const suffix = `.${pattern.hostname}`;
  if (!hostname.endsWith(suffix)) return false;
  const labels = hostname.slice(0, -suffix.length);
  return labels !== '' && (pattern.wildcard === '**' || !labels.includes('.'));
}

function defaultPort(scheme: string): string {
  return scheme === 'https:' ? '443' : '80';
}
