// @vitest-environment node
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadDocument, ownFixture, realFixture } from '@/tests/helpers/load-page';
import { lowestPriceFen } from '@/utils/marketplaces/price';
import { taobaoAdapter } from '@/utils/marketplaces/taobao/adapter';
import type { ExtractionResult, Listing } from '@/utils/model/listing';

function extract(doc: Document, url: string): ExtractionResult {
  return taobaoAdapter.extractListing(doc, new URL(url));
}
function ok(r: ExtractionResult): Extract<ExtractionResult, { ok: true }> {
  if (!r.ok) throw new Error(`extraction failed: ${r.reason} ${JSON.stringify(r.missing)}`);
  return r;
}
const item = (id: string) => `https://item.taobao.com/item.htm?id=${id}`;
const lowest = (l: Listing) => lowestPriceFen(l);

describe('taobao adapter: real g_config pages (2019–2022)', () => {
  it('2019 rendered page: ids, names, SKU list prices and the rendered promo price', () => {
    const url = item('579326877967');
    const r = ok(extract(loadDocument(realFixture('taobao/item/taobao-pc-item-rendered-DOM-2019-579326877967.html'), url), url));
    const l = r.listing;
    expect(l).toMatchObject({ platform: 'taobao', itemId: '579326877967', title: '实木全身镜子欧式落地镜简约卧室家用穿衣镜服装店学生宿舍试衣镜' });
    expect(l.shop).toMatchObject({ name: '新博帅生活家居', id: '211437632', sellerId: '558919413', sellerNick: '淘气宝宝123457483' });
    expect(l.prices.list).toEqual({ min: 5780, max: 25200 });
    expect(l.prices.promo).toEqual({ min: 2890, max: 12600 });
    expect(l.skus).toHaveLength(25);
    expect(l.skus[0]).toMatchObject({ id: '3855882493297', priceFen: 5780, stock: 2 });
    expect(lowest(l)).toBe(2890);
    expect(l.images[0]).toBe('https://gd4.alicdn.com/imgextra/i3/558919413/O1CN01tceT8n2JPCdsNlZqr_!!558919413.jpg');
    expect(l.salesText).toContain('927');
    expect(r.sources).toMatchObject({ itemId: 'state', shopName: 'state', shopId: 'state', prices: 'state', skus: 'state', salesText: 'dom' });
  });

  it('2020 rendered page: list range from SKUs, hidden empty promo ignored, SKU names from the page', () => {
    const url = item('562283240178');
    const r = ok(extract(loadDocument(realFixture('taobao/item/taobao-pc-item-rendered-DOM-2020-562283240178.html'), url), url));
    const l = r.listing;
    expect(l.title).toBe('乳白亚克力外壳 60%键盘外壳 poker外壳无加强筋底壳透光外壳');
    expect(l.shop).toMatchObject({ name: '怡科外设KBDfans', id: '64592671', sellerId: '134583372', url: 'https://yikewaishe.taobao.com/' });
    expect(l.prices).toEqual({ list: { min: 14900, max: 15900 } });
    expect(l.skus.map((s) => s.name)).toEqual(['clear 透明无加强筋 官方标配', 'glow in the dark 夜光无加强筋 官方标配']);
    expect(lowest(l)).toBe(14900);
    expect(l.images.every((u) => u.startsWith('https://') && !/_\d+x\d+|_\.webp/.test(u))).toBe(true);
    expect(r.warnings).toContain('missing optional field: salesText');
  });

  it('2022 g_config object (saved wrapped in JSON.stringify): ids and names, no price', () => {
    const js = readFileSync(realFixture('taobao/item/taobao-g_config-2022-637145790668.js'), 'utf8')
      .replace('JSON.stringify(', 'var g_config = ')
      .replace(/\);\s*$/, ';');
    const url = item('637145790668');
    const doc = new JSDOM(`<!doctype html><title>t</title><script>${js}</script>`, { url }).window.document;
    const r = ok(extract(doc, url));
    expect(r.listing).toMatchObject({ itemId: '637145790668', title: '【情侣款】甜份超标*巨舒服情侣内裤 夏季男女友礼物 七夕送朋友' });
    expect(r.listing.shop).toMatchObject({ name: '小甜崽sweet', id: '143694441', sellerId: '2136510393', sellerNick: '风子挪' });
    expect(r.listing.images).toHaveLength(7);
    expect(r.listing.prices).toEqual({});
    expect(r.warnings).toEqual(expect.arrayContaining(['missing optional field: prices', 'missing optional field: skus']));
  });
});

describe('taobao adapter: current-era (ICE) fixtures', () => {
  it('reads seller, \\u-escaped shop name, SKUs with coupon prices; out-of-stock SKUs do not set the lowest price', () => {
    const url = item('781234567890');
    const r = ok(extract(loadDocument(ownFixture('taobao/item-2025-ice.html'), url), url));
    const l = r.listing;
    expect(l.shop).toEqual({
      name: '极光数码专营店',
      id: '310987654',
      sellerId: '2207654321',
      sellerNick: 'jiguang数码',
      url: 'https://shop310987654.taobao.com/',
    });
    expect(l.prices).toEqual({ list: { min: 29900, max: 31900 }, coupon: { min: 26900, max: 28900 } });
    expect(l.skus).toContainEqual({ id: '5123400000003', name: '雾霾蓝', priceFen: 25900, couponFen: 22900, stock: 0 });
    expect(lowest(l)).toBe(26900);
    expect(l.images).toEqual([
      'https://img.alicdn.com/imgextra/i1/2207654321/O1CN01aaaXR200_!!2207654321.jpg',
      'https://img.alicdn.com/imgextra/i2/2207654321/O1CN01bbbXR200_!!2207654321.jpg',
      'https://img.alicdn.com/imgextra/i3/2207654321/O1CN01cccXR200_!!2207654321.png',
    ]);
    expect(l.salesText).toBe('已售 2000+');
    expect(Object.values(r.sources).every((s) => s === 'state')).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('late price: none at first (a warning), then the rendered price once the page fills it in', () => {
    const url = item('790000000111');
    const doc = loadDocument(ownFixture('taobao/item-2025-late-price.html'), url);
    const before = ok(extract(doc, url));
    expect(before.listing.prices).toEqual({});
    expect(before.warnings).toContain('missing optional field: prices');
    expect(before.listing.shop.name).toBe('晚到价格测试小店');
    doc.getElementById('late-price')!.textContent = '199.00';
    const after = ok(extract(doc, url));
    expect(after.listing.prices).toEqual({ list: { min: 19900, max: 19900 } });
    expect(after.sources.prices).toBe('dom');
  });

  it('keeps hostile strings as inert text, whole', () => {
    const url = item('790000000222');
    const r = ok(extract(loadDocument(ownFixture('taobao/item-2025-hostile.html'), url), url));
    expect(r.listing.title.startsWith('<img src=x onerror=alert(1)> "><script>alert(1)</script> \u202egnp.exe')).toBe(true);
    expect(r.listing.title.length).toBeGreaterThan(500);
    expect(r.listing.shop.name).toBe('"><svg onload=alert(2)>极光专营店');
    expect(r.listing.images).toEqual(['https://img.alicdn.com/imgextra/i1/2200000222/O1CN01hostile_!!2200000222.jpg']);
  });
});

describe('taobao adapter: blocked and foreign pages', () => {
  it('login wall -> login-required', () => {
    const url = item('781234567890');
    expect(extract(loadDocument(ownFixture('taobao/login-wall.html'), url), url)).toMatchObject({ ok: false, reason: 'login-required' });
    const login = 'https://login.taobao.com/member/login.jhtml?redirectURL=x';
    expect(extract(loadDocument(ownFixture('taobao/login-wall.html'), login), login)).toMatchObject({ ok: false, reason: 'login-required' });
  });

  it('slider captcha and punish URLs -> captcha, and detectPage still claims them', () => {
    for (const url of [item('781234567890'), 'https://item.taobao.com/item.htm/_____tmd_____/punish?x5secdata=abc']) {
      const doc = loadDocument(ownFixture('taobao/captcha.html'), url);
      expect(taobaoAdapter.detectPage(doc, new URL(url))).toBe('item');
      expect(extract(doc, url)).toMatchObject({ ok: false, reason: 'captcha' });
    }
  });

  it('non-item pages: detectPage null and extract not-a-listing, never a throw', () => {
    const url = 'https://item.taobao.com/';
    const doc = new JSDOM('<!doctype html><title>淘宝</title><p>hi</p>', { url }).window.document;
    expect(taobaoAdapter.detectPage(doc, new URL(url))).toBeNull();
    expect(extract(doc, url)).toMatchObject({ ok: false, reason: 'not-a-listing' });
    const empty = new JSDOM('<!doctype html><title>宝贝不存在</title>', { url: item('1234567') }).window.document;
    expect(extract(empty, item('1234567'))).toMatchObject({ ok: false, reason: 'not-a-listing' });
    const broken = new JSDOM(
      '<script>var g_config = { itemId: </script><script>!(function(){var a = window.__ICE_APP_CONTEXT__;var b = {"loaderData":</script>',
      { url: item('1234567') },
    ).window.document;
    expect(() => extract(broken, item('1234567'))).not.toThrow();
  });
});
