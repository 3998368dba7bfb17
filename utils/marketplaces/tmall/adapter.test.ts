// @vitest-environment node
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadDocument, ownFixture, realFixture } from '@/tests/helpers/load-page';
import { lowestPriceFen } from '@/utils/marketplaces/price';
import { tmallAdapter } from '@/utils/marketplaces/tmall/adapter';
import type { ExtractionResult } from '@/utils/model/listing';

const detail = (id: string) => `https://detail.tmall.com/item.htm?id=${id}`;
const mobile = (id: string) => `https://detail.m.tmall.com/item.htm?id=${id}`;
function ok(r: ExtractionResult): Extract<ExtractionResult, { ok: true }> {
  if (!r.ok) throw new Error(`extraction failed: ${r.reason} ${JSON.stringify(r.missing)}`);
  return r;
}
function extractFile(file: URL, url: string): ExtractionResult {
  return tmallAdapter.extractListing(loadDocument(file, url), new URL(url));
}
/** The saved .js/.json state files are not pages: wrap them in one inline script. */
function wrapped(js: string, url: string): Document {
  return new JSDOM(`<!doctype html><html><head><title>t</title></head><body><script>${js}</script></body></html>`, { url }).window.document;
}

describe('tmall adapter: real TShop.Setup pages (2018–2020)', () => {
  it('2020 rendered page: rstShopId, userId, SKU list prices, rendered shop name', () => {
    const r = ok(extractFile(realFixture('tmall/item/tmall-pc-detail-rendered-DOM-2020-605258110430-gbk.html'), detail('605258110430')));
    const l = r.listing;
    expect(l).toMatchObject({
      platform: 'tmall',
      itemId: '605258110430',
      title: '【官网价直降】Apple/苹果 iPhone 11 4G全网通智能手机正品苏宁易购官方旗舰店苹果11',
      brand: 'Apple/苹果',
    });
    expect(l.shop).toMatchObject({ name: '苏宁易购官方旗舰店', id: '128573071', sellerId: '2616970884', sellerNick: '苏宁易购官方旗舰店' });
    // The page renders 5499.00-6799.00; the 6799.00 SKUs are out of stock, so the buyable range ends lower.
    expect(l.prices.list).toEqual({ min: 549900, max: 599900 });
    expect(Math.max(...l.skus.map((s) => s.priceFen ?? 0))).toBe(679900);
    expect(l.skus).toHaveLength(18);
    expect(lowestPriceFen(l)).toBe(549900);
    expect(l.images[0]).toBe('https://img.alicdn.com/imgextra/i1/2616970884/O1CN01cv8gWG1IOujRWR4LY_!!0-item_pic.jpg');
    expect(r.sources).toMatchObject({ itemId: 'state', shopName: 'dom', shopId: 'state', sellerId: 'state', prices: 'state' });
  });

  it('2020 server page (GBK bytes)', () => {
    const r = ok(extractFile(realFixture('tmall/item/tmall-pc-detail-2020-609353516840-gbk.html'), detail('609353516840')));
    expect(r.listing.title).toBe('【6期免息/春节正常发货】Apple/苹果 iPhone 11 pro全网通智能4G苹果11正品手机xs官方官网旗舰店X 11promax');
    expect(r.listing.shop).toMatchObject({ name: '能良数码官方旗舰店', id: '58499649', sellerId: '263726286' });
    expect(r.listing.prices.list).toEqual({ min: 869900, max: 1219900 });
    expect(r.listing.skus).toHaveLength(12);
  });

  it('2018 page that lost its Chinese: ids and prices intact, shop named by the URL-encoded seller nick', () => {
    const r = ok(extractFile(realFixture('tmall/item/tmall-pc-detail-2018-538218798736-gbk.html'), detail('538218798736')));
    expect(r.listing.itemId).toBe('538218798736');
    expect(r.listing.title).toContain('iPhone 7 Plus');
    expect(r.listing.shop).toMatchObject({ name: '苏宁易购官方旗舰店', id: '128573071', sellerId: '2616970884' });
    expect(r.sources.shopName).toBe('state');
    expect(r.listing.brand).toBe('Apple/苹果');
    expect(r.listing.prices.list).toEqual({ min: 558800, max: 558800 });
    expect(r.listing.skus.filter((s) => s.stock === 0)).toHaveLength(2);
  });

  it('the TShop.Setup argument saved alone (2019)', () => {
    const json = readFileSync(realFixture('tmall/api/tmall-TShop.Setup-arg-json-2019.json'), 'utf8');
    const url = detail('549036569931');
    const r = ok(tmallAdapter.extractListing(wrapped(`TShop.Setup(${json});`, url), new URL(url)));
    expect(r.listing).toMatchObject({ itemId: '549036569931', title: '九阳破壁豆浆机小型免过滤家用全自动多功能智能官方旗舰店正品Q8' });
    expect(r.listing.shop).toMatchObject({ name: '九阳厨房电器旗舰店', id: '61678650', sellerId: '415670368' });
    expect(r.listing.skus).toEqual([{ id: '3499763503832', name: '金色', priceFen: 119900, stock: 6151 }]);
  });
});

describe('tmall adapter: real mobile pages (detail.m.tmall.com 2019)', () => {
  const cases = [
    {
      file: 'tmall-mobile-DATA_Detail-2019-567898584368.js',
      id: '567898584368',
      shop: 'jeanmarc旗舰店',
      shopId: '110317718',
      sellerId: '2069747240',
      list: [39600, 39600],
      promo: [17800, 17800],
      skus: 3,
    },
    {
      file: 'tmall-mobile-DATA_Detail-2019-581871359784.js',
      id: '581871359784',
      shop: '创女季旗舰店',
      shopId: '165970891',
      sellerId: '2939588183',
      list: [23000, 23000],
      promo: [12420, 12420],
      skus: 3,
    },
    {
      file: 'tmall-mobile-DATA_Detail-Mdskip-2019-kabeilin-583789686010.js',
      id: '583789686010',
      shop: 'kabeilin卡贝琳服饰旗舰店',
      shopId: '104143807',
      sellerId: '1648683338',
      list: [25800, 25800],
      promo: [14600, 14600],
      skus: 12,
    },
    {
      file: 'tmall-mobile-DATA_Detail-Mdskip-2019-suning-577342018417.js',
      id: '577342018417',
      shop: '苏宁易购官方旗舰店',
      shopId: '128573071',
      sellerId: '2616970884',
      list: [139900, 169900],
      promo: [129900, 149900],
      skus: 4,
    },
  ];
  for (const c of cases) {
    it(`${c.id}: shop, ids, list price from the page state and the live promo price`, () => {
      const js = readFileSync(realFixture(`tmall/item/${c.file}`), 'utf8');
      const r = ok(tmallAdapter.extractListing(wrapped(js, mobile(c.id)), new URL(mobile(c.id))));
      expect(r.listing.itemId).toBe(c.id);
      expect(r.listing.shop).toMatchObject({ name: c.shop, id: c.shopId, sellerId: c.sellerId });
      expect(r.listing.prices.list).toEqual({ min: c.list[0], max: c.list[1] });
      expect(r.listing.prices.promo).toEqual({ min: c.promo[0], max: c.promo[1] });
      expect(r.listing.skus).toHaveLength(c.skus);
      expect(lowestPriceFen(r.listing)).toBe(c.promo[0]);
      expect(r.sources).toMatchObject({ shopName: 'state', shopId: 'state', prices: 'state', skus: 'state' });
      expect(r.warnings).toContain('missing optional field: salesText');
    });
  }
});

describe('tmall adapter: current era (ICE)', () => {
  it('the trimmed real 2025 page has no seller: shop name missing is reported, not thrown', () => {
    const r = extractFile(realFixture('tmall/item/tmall-ICE_APP_CONTEXT-minimal-2025-617129397971.html'), detail('617129397971'));
    expect(r).toMatchObject({ ok: false, reason: 'layout-changed', missing: ['shopName'] });
  });

  it('own 2025 fixture: URL-encoded shop name decoded, coupon prices, shop id', () => {
    const r = ok(extractFile(ownFixture('tmall/item-2025-ice.html'), detail('750123456781')));
    expect(r.listing.shop).toEqual({
      name: 'Acme官方旗舰店',
      id: '100200300',
      sellerId: '2200100200',
      sellerNick: 'acme旗舰店',
      url: 'https://acme.tmall.com/',
    });
    expect(r.listing.prices).toEqual({ list: { min: 59900, max: 69900 }, coupon: { min: 54900, max: 64900 } });
    expect(r.listing.skus.map((s) => s.name)).toEqual(['黑色', '白色 限定版']);
    expect(lowestPriceFen(r.listing)).toBe(54900);
    expect(r.listing.salesText).toBe('已售 1万+');
  });

  it('mismatched URL id is kept from the state and warned about', () => {
    const r = ok(extractFile(ownFixture('tmall/item-2025-ice.html'), detail('750123456700')));
    expect(r.listing.itemId).toBe('750123456781');
    expect(r.warnings.some((w) => w.includes('differs from the URL'))).toBe(true);
  });
});

describe('tmall adapter: blocked and foreign pages', () => {
  it('ICE state asking for login -> login-required', () => {
    expect(extractFile(ownFixture('tmall/login-wall-ice.html'), detail('750123456781'))).toMatchObject({ ok: false, reason: 'login-required' });
  });
  it('baxia punish page -> captcha', () => {
    const url = 'https://detail.tmall.com/item.htm/_____tmd_____/punish?x5secdata=xcPunish98_sec';
    expect(tmallAdapter.detectPage(loadDocument(ownFixture('tmall/captcha-punish.html'), url), new URL(url))).toBe('item');
    expect(extractFile(ownFixture('tmall/captcha-punish.html'), url)).toMatchObject({ ok: false, reason: 'captcha' });
    expect(extractFile(ownFixture('tmall/captcha-punish.html'), detail('750123456781'))).toMatchObject({ ok: false, reason: 'captcha' });
  });
  it('other pages on Tmall hosts are not claimed', () => {
    const url = 'https://detail.tmall.com/';
    const doc = new JSDOM('<!doctype html><title>天猫</title>', { url }).window.document;
    expect(tmallAdapter.detectPage(doc, new URL(url))).toBeNull();
    expect(tmallAdapter.extractListing(doc, new URL(url))).toMatchObject({ ok: false, reason: 'not-a-listing' });
  });
});
