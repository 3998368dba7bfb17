// Which image URLs the background may fetch for a capture: https only, from the marketplace's
// image CDN domains (utils/marketplaces/<id>/image-hosts.ts) or the page's own origin, never an
// IP literal and never a private, loopback or link-local address. A hostname that *resolves* to
// such an address cannot be checked from an extension (no DNS API before the request); the host
// list keeps that to the marketplaces' own domains.

export interface ImageUrlRules {
  /** CDN domains; a URL's host must be one of them or a subdomain */
  hostDomains: readonly string[];
  /** the page's origin (scheme, host, port), also allowed */
  pageOrigin?: string;
}

/** IPv4 ranges that never belong to a public CDN: loopback, private, link-local, CGNAT, reserved. */
const BLOCKED_V4: [number, number][] = [
  [0x00000000, 8], // "this network"
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // 169.254/16 link-local (cloud metadata)
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xe0000000, 3], // multicast and reserved
];

function ipv4Number(host: string): number | undefined {
  const parts = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!parts) return undefined;
  return parts.slice(1).reduce((n, p) => n * 256 + Number(p), 0);
}

/** Why an IP-literal host is refused: 'private address' for the special ranges, else 'IP address'. */
export function ipLiteralKind(hostname: string): 'private' | 'public' | undefined {
  const v4 = ipv4Number(hostname);
  if (v4 !== undefined) {
    const blocked = BLOCKED_V4.some(([base, bits]) => Math.floor(v4 / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));
    return blocked ? 'private' : 'public';
  }
  if (!hostname.startsWith('[')) return undefined;
  const v6 = hostname.slice(1, -1).toLowerCase();
  // ::, ::1, fc00::/7 unique local, fe80::/10 link-local, and IPv4-mapped forms of the above.
  const mapped = /^::ffff:(.+)$/.exec(v6)?.[1];
  if (mapped) {
    const inner = mapped.includes('.') ? mapped : hexPairToV4(mapped);
    return inner && ipLiteralKind(inner) === 'public' ? 'public' : 'private';
  }
  if (v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6)) return 'private';
  return 'public';
}

function hexPairToV4(hex: string): string | undefined {
  const m = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(hex);
  if (!m) return undefined;
  const [a, b] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16)];
  return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
}

function onDomain(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

/** Undefined when `raw` may be fetched; otherwise the reason it is not, for the capture's warnings. */
export function imageUrlProblem(raw: string, rules: ImageUrlRules): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'https:') return `${url.protocol.replace(':', '')} is not fetched (https only)`;
  if (url.username || url.password) return 'a URL with credentials is not fetched';
  const ip = ipLiteralKind(url.hostname);
  if (ip === 'private') return `${url.hostname} is a private, loopback or link-local address`;
  if (ip === 'public') return `${url.hostname} is an IP address, not the marketplace's image host`;
  if (rules.pageOrigin && url.origin === rules.pageOrigin) return undefined;
  if (url.port !== '') return `port ${url.port} is not the image host's`;
  if (rules.hostDomains.some((d) => onDomain(url.hostname, d))) return undefined;
  return `${url.hostname} is neither the marketplace's image host nor the page's own origin`;
}
