import { createServer, type Server } from 'node:https';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

// Serves fixture pages at their real marketplace URLs: Chromium's host-resolver rules send every
// https host to this loopback server, which answers by the Host header and path. The certificate
// is made fresh per run and thrown away (Chromium runs with --ignore-certificate-errors).

export interface FixtureRoute {
  /** the real URL, e.g. https://item.taobao.com/item.htm?id=1 */
  url: string;
  /** a file to serve (bytes as saved; the page's own meta charset applies) or generated text */
  file?: URL | string;
  body?: string;
  contentType?: string;
  /** answer 302 with this Location instead of a body */
  redirectTo?: string;
}

export interface FixtureServer {
  port: number;
  close(): Promise<void>;
  /** counts requests per URL, for tests that check what the extension fetched */
  hits: Map<string, number>;
  /** answer image requests this long after they arrive, as a remote CDN would (0, the default: at once) */
  setImageDelay(ms: number): void;
}

// A 1x1 PNG for any image the pages reference (product images, icons).
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function routeKey(u: URL): string {
  return `${u.host}${u.pathname}${u.search}`;
}

function charsetHeader(bytes: Buffer): string {
  // Serve the charset the page declares, as the marketplace's server did.
  const head = bytes.subarray(0, 2048).toString('latin1');
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  return `text/html; charset=${declared ?? 'utf-8'}`;
}

export async function startFixtureServer(routes: FixtureRoute[]): Promise<FixtureServer> {
  const exact = new Map<string, FixtureRoute>();
  const byPath = new Map<string, FixtureRoute>();
  for (const r of routes) {
    const u = new URL(r.url);
    exact.set(routeKey(u), r);
    if (!byPath.has(`${u.host}${u.pathname}`)) byPath.set(`${u.host}${u.pathname}`, r);
  }
  const pems = await generate([{ name: 'commonName', value: 'listingproof-fixtures.invalid' }], { keySize: 2048, algorithm: 'sha256' });
  const hits = new Map<string, number>();
  let imageDelayMs = 0;
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const u = new URL(req.url ?? '/', `https://${req.headers.host ?? 'unknown'}`);
    hits.set(u.href, (hits.get(u.href) ?? 0) + 1);
    const route = exact.get(routeKey(u)) ?? byPath.get(`${u.host}${u.pathname}`);
    if (route?.redirectTo) {
      res.writeHead(302, { location: route.redirectTo, 'cache-control': 'no-store' });
      res.end();
    } else if (route) {
      const bytes = route.file ? readFileSync(route.file) : Buffer.from(route.body ?? '', 'utf8');
      res.writeHead(200, {
        'content-type': route.contentType ?? (route.file ? charsetHeader(bytes) : 'text/html; charset=utf-8'),
        'cache-control': 'no-store',
      });
      res.end(bytes);
    } else if (/\.(png|jpe?g|webp|gif)(_.*)?$/i.test(u.pathname) || /\/(img|image|images)\//.test(u.pathname)) {
      const answer = () => {
        res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
        res.end(PNG_1PX);
      };
      if (imageDelayMs > 0) setTimeout(answer, imageDelayMs);
      else answer();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not a fixture');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    setImageDelay: (ms) => {
      imageDelayMs = ms;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
