// The origin check, decided from headers alone so it happens before a byte of the body is read,
// whatever the content type (SvelteKit's CVE-2023-29008 was a content-type bypass of exactly this).
// PROTOCOL.md "Security defaults" states the rule; README "Security" says why and how to configure it.
import type { Context } from 'hono';
import type { ErrorReason } from '../shared/wire.ts';
import { mediaTypeOf } from './media-type.ts';
import {
  matchesHost,
  matchesPattern,
  originText,
  type ParsedOrigin,
  parseHost,
  parseOrigin,
  parsePatterns,
} from './origin-patterns.ts';

export interface OriginOptions {
  /**
   * Other origins that may call: `https://admin.example.com`, a bare host (`admin.example.com`, meaning
   * https), `https://*.example.com` (one label) or `https://**.example.com` (any depth).
   */
  allowedOrigins?: readonly string[];
  /**
   * The hosts this app answers as, which pins its own origin: a request for any other host is refused
   * (alias names, raw IPs, DNS rebinding), and a browser's Origin must be one of these. A bare host
   * (`shop.example`, `localhost`) takes the request's scheme and any port; an origin (`https://shop.example`)
   * pins scheme and port too. Wildcards as in allowedOrigins. Unset: the request's own Host is trusted.
   */
  allowedHosts?: readonly string[];
  /** Believe `X-Forwarded-Host` and `X-Forwarded-Proto`: only behind a proxy that sets them, since clients can forge them. */
  trustProxy?: boolean;
  /**
   * Asked only about a request the origin check refuses as cross-site, before its body is read: true lets
   * it through (a webhook path, a server-to-server form client). Read headers and the URL, not the body.
   */
  allowRequest?: (request: Request, c: Context) => boolean | Promise<boolean>;
}

export interface OriginRefusal {
  reason: Extract<ErrorReason, 'CROSS_SITE' | 'HOST_NOT_ALLOWED'>;
  message: string;
}

// The values the Fetch Metadata spec defines; anything else did not come from a browser that follows it.
const FETCH_SITES = new Set(['same-origin', 'same-site', 'cross-site', 'none']);

export interface OriginCheck {
  /** The refusal for a call or a form post, or undefined when it may go on. */
  refusal(request: Request): OriginRefusal | undefined;
  /** The refusal of a request for a host outside allowedHosts (any method: page views too). */
  hostRefusal(request: Request): OriginRefusal | undefined;
}

/** One handler's check; its entries are read (and refused when they can never match) here, at creation. */
export function createOriginCheck(options: OriginOptions): OriginCheck {
  const allowed = parsePatterns(options.allowedOrigins, 'allowedOrigins');
  const hosts = options.allowedHosts ? parsePatterns(options.allowedHosts, 'allowedHosts') : undefined;
  const trustProxy = options.trustProxy ?? false;

  const hostRefusal = (request: Request): OriginRefusal | undefined => {
    if (!hosts) return undefined;
    const own = requestOrigin(request, trustProxy);
    if (own && hosts.some((pattern) => matchesHost(pattern, own))) return undefined;
    const ignored =
      !trustProxy && request.headers.has('x-forwarded-host') ? ' (X-Forwarded-Host is ignored without trustProxy)' : '';
    return {
      reason: 'HOST_NOT_ALLOWED',
      message: `This server does not answer for host ${quote(own?.hostname ?? hostHeader(request, trustProxy))}${ignored}: it is not in allowedHosts.`,
    };
  };

  /** The origins that count as this app's own: the pinned ones that match the request's host, or its Host. */
  const ownOrigins = (request: Request): string[] => {
    const own = requestOrigin(request, trustProxy);
    if (!own) return [];
    if (!hosts) return [own.text];
    return hosts
      .filter((pattern) => matchesHost(pattern, own))
      .map((pattern) =>
        pattern.scheme
          ? originText(pattern.scheme, own.hostname, pattern.port ?? '')
          : originText(own.scheme, own.hostname, own.port),
      );
  };

  const refusal = (request: Request): OriginRefusal | undefined => {
    const refusedHost = hostRefusal(request);
    if (refusedHost) return refusedHost;
    const headers = request.headers;
    const site = headers.get('sec-fetch-site');
    if (site !== null && !FETCH_SITES.has(site)) {
      return crossSite(`Sec-Fetch-Site ${quote(site)} is not a value browsers send.`);
    }
    if (site === 'same-origin' || site === 'none') return undefined;
    const header = headers.get('origin');
    if (header === null) {
      if (site !== null) return crossSite(`A ${site} request without Origin is refused.`);
      // Neither header: a browser that sends neither still carries the user's cookies, and it can send a
      // form's types cross-site without asking. JSON it cannot send cross-site without Origin.
      if (mediaTypeOf(headers.get('content-type')) === 'application/json') return undefined;
      return crossSite(
        'A request other than JSON must carry Origin or Sec-Fetch-Site, as browsers send them. A server-to-server client can send JSON, or be let in by allowRequest.',
      );
    }
    const origin = parseOrigin(header);
    if (!origin) return crossSite(`Origin ${quote(header)} is not an origin this server accepts.`);
    if (allowed.some((pattern) => matchesPattern(pattern, origin))) return undefined;
    if (site !== null) {
      return crossSite(
        `The browser says this request is ${site}: Origin ${origin.text} is refused. Add it to allowedOrigins if it is yours.`,
      );
    }
    const own = ownOrigins(request);
    if (own.includes(origin.text)) return undefined;
    return crossSite(`Origin ${origin.text} is not this server's (${own.join(', ') || 'unknown'})${hint(origin, own)}`);
  };

  return { refusal, hostRefusal };
}

/** A header value in a message, cut short: whoever sent it chose its length. */
function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

function crossSite(message: string): OriginRefusal {
  return { reason: 'CROSS_SITE', message: `Cross-site request refused. ${message}` };
}

/** Behind a proxy that terminates TLS the app sees http while the browser's Origin says https: say what to set. */
function hint(origin: ParsedOrigin, own: string[]): string {
  const plain = `http://${origin.hostname}`;
  const behindTls = origin.scheme === 'https:' && own.some((text) => text === plain || text.startsWith(`${plain}:`));
  if (!behindTls) {
    return '. Add it to allowedOrigins if it is yours.';
  }
  return `; they differ only by scheme. Behind a proxy that terminates TLS, set trustProxy (the proxy must send X-Forwarded-Proto), or pin the origin with allowedHosts: ['${origin.text}'].`;
}

function hostHeader(request: Request, trustProxy: boolean): string {
  const headers = request.headers;
  const forwarded = trustProxy ? firstValue(headers.get('x-forwarded-host')) : undefined;
  return forwarded || headers.get('host') || new URL(request.url).host;
}

/** The request's own origin as it arrived: Host (or X-Forwarded-*, when trusted) and the scheme. */
function requestOrigin(request: Request, trustProxy: boolean): ParsedOrigin | undefined {
  const forwardedProto = trustProxy ? firstValue(request.headers.get('x-forwarded-proto'))?.toLowerCase() : undefined;
  const scheme =
    forwardedProto === 'http' || forwardedProto === 'https'
      ? `${forwardedProto}:`
      : request.url.startsWith('https:')
        ? 'https:'
        : 'http:';
  return parseHost(scheme, hostHeader(request, trustProxy));
}

function firstValue(header: string | null): string | undefined {
  return header?.split(',')[0]?.trim() || undefined;
}
