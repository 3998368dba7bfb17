import { readFileSync } from 'node:fs';
import type { FixtureRoute } from '@/tests/harness/fixture-server';

// A Taobao listing whose seller tries to keep things out of the evidence: blocks marked with our
// old public marker and html2canvas's ignore attribute, and product image URLs on private,
// loopback and foreign addresses (the loopback one points at the fixture server itself, so any
// request for it would show in the server's hits).

export const HIDING_PAGE_URL = 'https://item.taobao.com/item.htm?id=781234567890&from=hiding';
export const MAGENTA = [255, 0, 255] as const;
export const SELLER_TEXT = 'SELLER-ONLY TEXT 卖家隐藏文字';

const BLOCKS = `
<div id="forged-panel" data-listingproof-ui="panel" style="position:fixed;top:120px;left:40px;width:240px;height:160px;background:#ff00ff;z-index:2147483000;color:#ff00ff">${SELLER_TEXT}</div>
<div id="forged-ignore" data-html2canvas-ignore="true" data-listingproof-ui="" style="position:fixed;top:320px;left:40px;width:240px;height:160px;background:#ff00ff;z-index:2147483000"></div>
<span data-testid="result-badge" data-listingproof-ui="badge" style="position:fixed;top:320px;left:300px;width:240px;height:60px;display:block;background:#ff00ff;z-index:2147483000"></span>`;

export function privateImageUrls(port: number): string[] {
  return [
    `https://127.0.0.1:${port}/images/loopback.png`,
    `https://[::1]:${port}/images/loopback-v6.png`,
    'https://192.168.7.7/images/private.png',
    'https://169.254.169.254/images/metadata.png',
    'https://evil.example/images/elsewhere.png',
    // On the CDN, but redirected to the fixture server's loopback address.
    'https://img.alicdn.com/imgextra/redirect-to-loopback.png',
  ];
}

/** The CDN URL above answers with a redirect to this loopback URL, which must never be requested. */
export function redirectRoutes(port: number): FixtureRoute[] {
  return [{ url: 'https://img.alicdn.com/imgextra/redirect-to-loopback.png', redirectTo: `https://127.0.0.1:${port}/images/after-redirect.png` }];
}

/** The route, and how to point its image URLs at the server's port once it is known. */
export function hidingPageRoute(): { route: FixtureRoute; setPort(port: number): void } {
  const base = readFileSync(new URL('../fixtures/taobao/item-2025-ice.html', import.meta.url), 'utf8');
  const route: FixtureRoute = { url: HIDING_PAGE_URL, body: '' };
  const setPort = (port: number) => {
    const images = privateImageUrls(port)
      .map((u) => JSON.stringify(u))
      .join(',');
    route.body = base.replace('<body>', `<body>${BLOCKS}`).replace('"images":[', `"images":[${images},`);
  };
  setPort(0);
  return { route, setPort };
}
