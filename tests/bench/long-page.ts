import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixtureRoute } from '@/tests/harness/fixture-server';
import { PAGES } from '@/tests/harness/pages';
import { productPng } from '@/tests/bench/png';

// A long JD item page: the coupon-price fixture (prices rendered, shop block) followed by a
// product description of 50 real-sized 800x600 images, two per row, about 12 screens of 800 px in
// all — the kind of page an investigator captures. Images are served from the JD image CDN host
// (in the extension's host permissions) as files written to a temporary directory.

export const IMAGES = 50;
export const LONG_PAGE_URL = PAGES.jdCoupon.url;

export interface LongPage {
  routes: FixtureRoute[];
  imageBytes: number;
  dispose(): void;
}

export function longPage(): LongPage {
  const dir = mkdtempSync(join(tmpdir(), 'listingproof-bench-images-'));
  const routes: FixtureRoute[] = [];
  const tags: string[] = [];
  let imageBytes = 0;
  for (let i = 0; i < IMAGES; i++) {
    const url = `https://img30.360buyimg.com/sku/jfs/t1/bench/desc-${i}.png`;
    const file = join(dir, `desc-${i}.png`);
    const png = productPng(800, 600, i + 1);
    imageBytes += png.length;
    writeFileSync(file, png);
    routes.push({ url, file, contentType: 'image/png' });
    tags.push(`<img src="${url}" width="400" height="300" alt="详情${i}" style="margin:8px;display:block;float:left">`);
  }
  const description = `
  <div id="J-detail-content" class="detail-content" style="width:832px;margin:24px auto;overflow:hidden">
    <h2 style="margin:8px">商品介绍</h2>
    ${tags.join('\n    ')}
  </div>
  <div class="footer" style="height:1200px;background:#f4f4f4;text-align:center;padding-top:40px">京东 版权所有</div>`;
  const html = readFileSync(PAGES.jdCoupon.file, 'utf8').replace('</body>', `${description}\n</body>`);
  routes.push({ url: LONG_PAGE_URL, body: html });
  return { routes, imageBytes, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
