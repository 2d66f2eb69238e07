// The origin check's cases: peers' published CSRF and origin tests (Hono's csrf middleware, SvelteKit,
// Astro, Next.js server actions, React Router) retold in our words, and one row or more for each of the
// twelve findings of our own review of this check ("item 1" to "item 12": a TLS proxy, mis-cased hosts,
// default ports, entry forms, forms without Origin, unknown Sec-Fetch-Site, empty entries, the pinned
// origin, wildcards, the predicate, logging, CORS). Headers in, allowed or refused out. `from` says where
// a case comes from, and `differs` what that peer does instead where our rule is not theirs.
import type { OriginOptions } from '../../runtime/server/origin.ts';

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';
export const MULTIPART = 'multipart/form-data; boundary=hpaBoundary';

/** The handler settings a row runs under; one server each for the rows over HTTP. */
export const CONFIGS = {
  plain: {},
  proxy: { trustProxy: true },
  partners: {
    allowedOrigins: [
      'https://admin.example',
      'vercel.com',
      'https://Partner.Example/',
      'http://legacy.example:8080',
      'https://*.preview.example',
      'https://**.deep.example',
    ],
  },
  pinned: { allowedHosts: ['https://shop.example'] },
  pinnedHosts: { allowedHosts: ['shop.example', 'localhost', '[::1]'] },
  pinnedProxy: { allowedHosts: ['shop.example'], trustProxy: true },
  predicate: { allowRequest: (request: Request) => request.headers.get('x-partner-key') === 'k' },
  pinnedPredicate: {
    allowedHosts: ['shop.example'],
    allowRequest: (request: Request) => request.headers.get('x-partner-key') === 'k',
  },
} satisfies Record<string, OriginOptions>;

export interface OriginRow {
  name: string;
  from: string;
  /** What the peer does instead, where it does something else. */
  differs?: string;
  config?: keyof typeof CONFIGS;
  /** Content-Type; null for none. Default: an urlencoded form. */
  type?: string | null;
  /** Request headers besides Content-Type. Host defaults to shop.example. */
  headers: Record<string, string>;
  allow: boolean;
  reason?: 'CROSS_SITE' | 'HOST_NOT_ALLOWED';
  /** Part of the 403's message. */
  message?: string;
}

const EVIL = 'https://evil.example';
const OWN = 'http://shop.example';

export const ORIGIN_ROWS: OriginRow[] = [
  // Hono's csrf middleware
  { name: 'Sec-Fetch-Site same-origin', from: 'Hono', headers: { 'sec-fetch-site': 'same-origin' }, allow: true },
  { name: 'Origin equal to the request’s own', from: 'Hono', headers: { origin: OWN }, allow: true },
  {
    name: 'Sec-Fetch-Site cross-site with another Origin',
    from: 'Hono',
    headers: { 'sec-fetch-site': 'cross-site', origin: EVIL },
    allow: false,
  },
  { name: 'another Origin without Fetch Metadata', from: 'Hono', headers: { origin: EVIL }, allow: false },
  {
    name: 'an Origin listed in allowedOrigins, cross-site',
    from: 'Hono',
    config: 'partners',
    headers: { 'sec-fetch-site': 'cross-site', origin: 'https://admin.example' },
    allow: true,
  },
  {
    name: 'an unknown Sec-Fetch-Site value, with no Origin',
    from: 'Hono; item 6',
    headers: { 'sec-fetch-site': 'any' },
    allow: false,
    message: 'Sec-Fetch-Site "any"',
  },
  {
    name: 'an unknown Sec-Fetch-Site value, with the own Origin',
    from: 'item 6',
    headers: { 'sec-fetch-site': 'Same-Origin', origin: OWN },
    allow: false,
  },
  { name: 'no Content-Type, another Origin', from: 'Hono', type: null, headers: { origin: EVIL }, allow: false },
  {
    name: 'text/plain with a charset, another Origin',
    from: 'Hono',
    type: 'text/plain;charset=UTF-8',
    headers: { origin: EVIL },
    allow: false,
  },
  {
    name: 'TEXT/PLAIN in capitals',
    from: 'Hono; SvelteKit',
    type: 'TEXT/PLAIN',
    headers: { origin: EVIL },
    allow: false,
  },
  {
    name: 'multipart in mixed case, another Origin',
    from: 'Hono',
    type: 'Multipart/Form-Data; boundary=hpaBoundary',
    headers: { origin: EVIL },
    allow: false,
  },
  {
    name: 'text/ping (a link’s ping), cross-site',
    from: 'Hono',
    type: 'text/ping',
    headers: { 'sec-fetch-site': 'cross-site' },
    allow: false,
  },
  {
    name: 'JSON from another Origin',
    from: 'Hono',
    differs: 'Hono checks form types only and leaves JSON to CORS; we refuse every type',
    type: JSON_TYPE,
    headers: { origin: EVIL },
    allow: false,
  },
  {
    name: 'Sec-Fetch-Site none (typed in the address bar, a bookmark)',
    from: 'Hono',
    differs: 'Hono allows only same-origin by default',
    headers: { 'sec-fetch-site': 'none' },
    allow: true,
  },
  {
    name: 'Sec-Fetch-Site same-site from a sibling subdomain',
    from: 'Hono',
    headers: { 'sec-fetch-site': 'same-site', origin: 'http://blog.shop.example' },
    allow: false,
  },
  {
    name: 'the predicate lets a partner in by its header',
    from: 'Hono (origin: fn); item 10',
    config: 'predicate',
    headers: { 'sec-fetch-site': 'cross-site', origin: EVIL, 'x-partner-key': 'k' },
    allow: true,
  },
  {
    name: 'the predicate lets a server-to-server form client in',
    from: 'item 5, item 10',
    config: 'predicate',
    headers: { 'x-partner-key': 'k' },
    allow: true,
  },
  {
    name: 'the predicate says no',
    from: 'Hono (origin: fn); item 10',
    config: 'predicate',
    headers: { 'sec-fetch-site': 'cross-site', origin: EVIL, 'x-partner-key': 'wrong' },
    allow: false,
  },

  // SvelteKit
  {
    name: 'a form with neither Origin nor Sec-Fetch-Site',
    from: 'SvelteKit; Astro; item 5',
    headers: {},
    allow: false,
    message: 'must carry Origin or Sec-Fetch-Site',
  },
  { name: 'multipart with neither header', from: 'SvelteKit; item 5', type: MULTIPART, headers: {}, allow: false },
  { name: 'text/plain with neither header', from: 'SvelteKit; item 5', type: 'text/plain', headers: {}, allow: false },
  { name: 'no Content-Type and neither header', from: 'Astro; item 5', type: null, headers: {}, allow: false },
  {
    name: 'JSON with neither header (curl, another server)',
    from: 'SvelteKit; item 5',
    type: JSON_TYPE,
    headers: {},
    allow: true,
  },
  { name: 'Origin: null (a sandboxed document)', from: 'SvelteKit', headers: { origin: 'null' }, allow: false },
  {
    name: 'Origin: null even as JSON',
    from: 'Next.js',
    differs: 'Next.js treats "null" as a missing Origin and lets the action run',
    type: JSON_TYPE,
    headers: { origin: 'null' },
    allow: false,
  },
  {
    name: 'a urlencoded form with a charset, cross-site',
    from: 'SvelteKit',
    type: `${FORM}; charset=UTF-8`,
    headers: { origin: EVIL },
    allow: false,
  },
  { name: 'an Origin with a path', from: 'SvelteKit', headers: { origin: `${OWN}/page` }, allow: false },
  { name: 'an Origin with credentials', from: 'ours', headers: { origin: 'http://user@shop.example' }, allow: false },
  {
    name: 'two origins in one header',
    from: 'ours',
    headers: { origin: `${OWN}, ${EVIL}` },
    allow: false,
  },

  {
    name: 'a 4,000-character Origin is refused with a short message',
    from: 'ours',
    headers: { origin: `https://${'a'.repeat(4000)}.example/x` },
    allow: false,
  },

  // Astro
  { name: 'a same-origin form, by Origin', from: 'Astro', headers: { origin: OWN }, allow: true },
  {
    name: 'a forged X-Forwarded-Host without trustProxy',
    from: 'Astro (allowedDomains)',
    headers: { origin: EVIL, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    allow: false,
  },
  {
    name: 'behind a trusted proxy: X-Forwarded-Host and -Proto make the own origin',
    from: 'Astro; item 1',
    config: 'proxy',
    headers: {
      host: 'internal:8080',
      origin: 'https://shop.example',
      'x-forwarded-host': 'shop.example',
      'x-forwarded-proto': 'https',
    },
    allow: true,
  },

  // Next.js server actions
  {
    name: 'a Host in capitals',
    from: 'Next.js; item 2',
    headers: { host: 'Shop.Example', origin: OWN },
    allow: true,
  },
  {
    name: 'an X-Forwarded-Host in capitals',
    from: 'Next.js; item 2',
    config: 'proxy',
    headers: {
      host: 'internal',
      origin: 'https://example-domain.com',
      'x-forwarded-host': 'Example-Domain.com',
      'x-forwarded-proto': 'https',
    },
    allow: true,
  },
  {
    name: 'the first of several X-Forwarded-Host values',
    from: 'Next.js',
    config: 'proxy',
    headers: { host: 'internal', origin: OWN, 'x-forwarded-host': 'shop.example, internal:8080' },
    allow: true,
  },
  {
    name: 'a default port in Origin',
    from: 'Next.js; item 3',
    config: 'proxy',
    headers: {
      origin: 'https://example-domain.com:443',
      'x-forwarded-host': 'example-domain.com',
      'x-forwarded-proto': 'https',
    },
    allow: true,
  },
  {
    name: 'a default port in Host (a proxy forwarding $host:$server_port)',
    from: 'Next.js; item 3',
    headers: { host: 'shop.example:80', origin: OWN },
    allow: true,
  },
  {
    name: 'a trusted proxy forwarding $host:$server_port over https',
    from: 'Next.js; item 3',
    config: 'proxy',
    headers: { host: 'shop.example:443', origin: 'https://shop.example', 'x-forwarded-proto': 'https' },
    allow: true,
  },
  {
    name: 'an empty Origin, cross-site',
    from: 'item 7',
    headers: { 'sec-fetch-site': 'cross-site', origin: '' },
    allow: false,
  },
  {
    name: 'an empty Origin without Fetch Metadata',
    from: 'item 7',
    type: JSON_TYPE,
    headers: { origin: '' },
    allow: false,
  },
  { name: 'Origin on another port', from: 'Next.js', headers: { origin: 'http://shop.example:8080' }, allow: false },
  {
    name: 'an IPv6 host with its port',
    from: 'ours',
    headers: { host: '[::1]:3000', origin: 'http://[::1]:3000' },
    allow: true,
  },
  {
    name: 'a bare host in allowedOrigins (https)',
    from: 'Next.js; React Router; item 4',
    config: 'partners',
    headers: { 'sec-fetch-site': 'cross-site', origin: 'https://vercel.com' },
    allow: true,
  },
  {
    name: 'a bare host in allowedOrigins does not admit http',
    from: 'Next.js; item 4',
    differs: 'Next.js compares hosts only, any scheme',
    config: 'partners',
    headers: { 'sec-fetch-site': 'cross-site', origin: 'http://vercel.com' },
    allow: false,
  },
  {
    name: 'an allowedOrigins entry in capitals with a trailing slash',
    from: 'item 4',
    config: 'partners',
    headers: { origin: 'https://partner.example' },
    allow: true,
  },
  {
    name: 'an allowedOrigins entry with its port',
    from: 'Next.js',
    config: 'partners',
    headers: { origin: 'http://legacy.example:8080' },
    allow: true,
  },
  {
    name: 'an allowedOrigins entry on another port',
    from: 'Next.js',
    config: 'partners',
    headers: { origin: 'http://legacy.example:9090' },
    allow: false,
  },
  {
    name: '*. admits one label',
    from: 'Next.js; React Router; item 9',
    config: 'partners',
    headers: { 'sec-fetch-site': 'cross-site', origin: 'https://pr-12.preview.example' },
    allow: true,
  },
  {
    name: '*. does not admit two labels',
    from: 'Next.js; item 9',
    config: 'partners',
    headers: { 'sec-fetch-site': 'cross-site', origin: 'https://a.pr-12.preview.example' },
    allow: false,
  },
  {
    name: '*. does not admit the domain itself',
    from: 'Next.js; item 9',
    config: 'partners',
    headers: { 'sec-fetch-site': 'cross-site', origin: 'https://preview.example' },
    allow: false,
  },
  {
    name: '*. does not admit a name that only ends the same',
    from: 'ours; item 9',
    config: 'partners',
    headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evilpreview.example' },
    allow: false,
  },
  {
    name: '**. admits any depth',
    from: 'Next.js; React Router; item 9',
    config: 'partners',
    headers: { 'sec-fetch-site': 'cross-site', origin: 'https://a.b.c.deep.example' },
    allow: true,
  },
  {
    name: '**. does not admit the domain itself',
    from: 'Next.js; item 9',
    config: 'partners',
    headers: { 'sec-fetch-site': 'cross-site', origin: 'https://deep.example' },
    allow: false,
  },
  {
    name: 'a wildcard entry does not admit http',
    from: 'item 9',
    config: 'partners',
    headers: { origin: 'http://pr-12.preview.example' },
    allow: false,
  },
  {
    name: 'a form with no Origin',
    from: 'Next.js',
    differs: 'Next.js lets a request without Origin through (with a warning)',
    headers: {},
    allow: false,
  },

  // React Router
  {
    name: 'https Origin while the app sees http, without trustProxy',
    from: 'React Router; item 1',
    differs: 'Next.js compares hosts only and lets it through',
    headers: { origin: 'https://shop.example' },
    allow: false,
    message: 'set trustProxy',
  },
  {
    name: 'X-Forwarded-Proto alone is ignored without trustProxy',
    from: 'React Router; item 1',
    headers: { origin: 'https://shop.example', 'x-forwarded-proto': 'https' },
    allow: false,
    message: 'set trustProxy',
  },
  {
    name: 'an action posted with another Origin never has its body parsed',
    from: 'React Router (GHSA-qwww-vcr4-c8h2)',
    type: MULTIPART,
    headers: { origin: EVIL },
    allow: false,
  },

  // The browser's word against the Origin
  {
    name: 'Sec-Fetch-Site cross-site with our own Origin',
    from: 'ours',
    headers: { 'sec-fetch-site': 'cross-site', origin: OWN },
    allow: false,
  },
  {
    name: 'Sec-Fetch-Site cross-site with no Origin',
    from: 'ours',
    type: JSON_TYPE,
    headers: { 'sec-fetch-site': 'cross-site' },
    allow: false,
  },

  // allowedHosts: the pinned origin (item 8; issue 14's allowedHosts)
  {
    name: 'DNS rebinding: the browser says same-origin, but the Host is not ours',
    from: 'SvelteKit (ORIGIN); Astro (allowedDomains); item 8',
    config: 'pinnedHosts',
    headers: { host: 'rebind.evil.example', 'sec-fetch-site': 'same-origin', origin: 'http://rebind.evil.example' },
    allow: false,
    reason: 'HOST_NOT_ALLOWED',
  },
  {
    name: 'a raw IP where the host is pinned',
    from: 'item 8',
    config: 'pinnedHosts',
    headers: { host: '10.0.0.7:3000', origin: 'http://10.0.0.7:3000' },
    allow: false,
    reason: 'HOST_NOT_ALLOWED',
  },
  {
    name: 'JSON from curl to a host that is not pinned',
    from: 'item 8',
    config: 'pinnedHosts',
    type: JSON_TYPE,
    headers: { host: 'alias.example' },
    allow: false,
    reason: 'HOST_NOT_ALLOWED',
  },
  {
    name: 'a pinned bare host, on any port',
    from: 'Vite (allowedHosts)',
    config: 'pinnedHosts',
    headers: { host: 'localhost:5173', origin: 'http://localhost:5173' },
    allow: true,
  },
  {
    name: 'a pinned bare host in capitals',
    from: 'item 2, item 8',
    config: 'pinnedHosts',
    headers: { host: 'SHOP.example', 'sec-fetch-site': 'same-origin' },
    allow: true,
  },
  {
    name: 'a pinned IPv6 host',
    from: 'item 8',
    config: 'pinnedHosts',
    headers: { host: '[::1]:3000', origin: 'http://[::1]:3000' },
    allow: true,
  },
  {
    name: 'a pinned https origin behind a TLS proxy, without trustProxy',
    from: 'SvelteKit (ORIGIN); item 1, item 8',
    config: 'pinned',
    headers: { origin: 'https://shop.example' },
    allow: true,
  },
  {
    name: 'a pinned https origin refuses the http Origin',
    from: 'SvelteKit (ORIGIN); item 8',
    config: 'pinned',
    headers: { origin: OWN },
    allow: false,
  },
  {
    name: 'X-Forwarded-Host is ignored for the pin without trustProxy',
    from: 'item 8',
    config: 'pinnedHosts',
    headers: { host: 'alias.example', 'x-forwarded-host': 'shop.example', origin: 'http://shop.example' },
    allow: false,
    reason: 'HOST_NOT_ALLOWED',
    message: 'without trustProxy',
  },
  {
    name: 'a trusted proxy’s X-Forwarded-Host is checked against the pin',
    from: 'Astro (allowedDomains); item 8',
    config: 'pinnedProxy',
    headers: { host: 'internal:8080', 'x-forwarded-host': 'shop.example', origin: OWN },
    allow: true,
  },
  {
    name: 'a trusted proxy forwarding a host that is not pinned',
    from: 'Astro (allowedDomains); item 8',
    config: 'pinnedProxy',
    headers: { host: 'shop.example', 'x-forwarded-host': 'evil.example', origin: 'http://evil.example' },
    allow: false,
    reason: 'HOST_NOT_ALLOWED',
  },
  {
    name: 'the predicate cannot admit a host that is not pinned',
    from: 'item 8, item 10',
    config: 'pinnedPredicate',
    headers: { host: 'alias.example', 'x-partner-key': 'k', 'sec-fetch-site': 'same-origin' },
    allow: false,
    reason: 'HOST_NOT_ALLOWED',
  },
];
