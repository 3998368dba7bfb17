import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadDocument, ownFixture, realFixture } from '@/tests/helpers/load-page';
import { pddAdapter } from '@/utils/marketplaces/pdd/adapter';
import { readRawData } from '@/utils/marketplaces/pdd/state-readers';
import { formatFen, lowestPriceFen } from '@/utils/marketplaces/price';
import { ADAPTERS, routePage } from '@/utils/marketplaces/registry';
import type { ExtractionResult, Listing } from '@/utils/model/listing';

const GOODS_URL = 'https://mobile.yangkeduo.com/goods.html?goods_id=432109876543';
const SEARCH_URL = 'https://mobile.yangkeduo.com/search_result.html?search_key=%E9%9D%A2%E5%8C%85%E5%B9%B2';

function extract(doc: Document, url: string): ExtractionResult {
  return pddAdapter.extractListing(doc, new URL(url));
}
function listingOf(r: ExtractionResult): Listing {
  if (!r.ok) throw new Error(`expected a listing, got ${r.reason} ${JSON.stringify(r)}`);
  return r.listing;
}
function docOf(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}
/** A page that embeds `state` the way PDD H5 pages do. */
function pageWithRawData(state: unknown, url: string): Document {
  const json = JSON.stringify(state).replace(/</g, '\\u003c');
  return docOf(
    `<!DOCTYPE html><html><head><title>拼多多商城</title></head><body><div id="main"></div><script>window.rawData=${json};</script></body></html>`,
    url,
  );
}

/** The 2017 app API response kept in the doc comment of a Java bean: `* key : value` lines. */
function readJavaBeanResponse(relative: string): Record<string, string> {
  const text = readFileSync(realFixture(relative), 'utf8');
  // the response is the first doc comment inside the class body
  const start = text.indexOf('/**', text.indexOf(' class '));
  const top = text.slice(start, text.indexOf('*/', start));
  const out: Record<string, string> = {};
  for (const m of top.matchAll(/^\s*\* ([a-z_0-9]+) : (.*)$/gm)) out[m[1]!] = m[2]!.trim();
  return out;
}

describe('Pinduoduo goods: rawData modelled on the real 2017 API response', () => {
  const api = readJavaBeanResponse('pdd/api/pdd-apiv2-goods-detail-2017-JavaBean-comments.java');
  const goods = {
    goods_id: Number(api.goods_id),
    goods_name: api.goods_name,
    min_group_price: Number(api.min_group_price),
    max_group_price: Number(api.max_group_price),
    min_normal_price: Number(api.min_normal_price),
    max_normal_price: Number(api.max_normal_price),
    gallery: JSON.parse(api.gallery!) as unknown[],
    sku: JSON.parse(api.sku!) as unknown[],
    mall_id: Number(api.mall_id),
  };
  const url = `https://mobile.yangkeduo.com/goods.html?goods_id=${api.goods_id}`;

  it('reads the API field names (snake_case, fen, gallery types)', () => {
    expect(api.goods_id).toBe('8359328');
    // the API object carries no mall name: the page's mall block is modelled here
    const doc = pageWithRawData({ store: { initDataObj: { goods, mall: { mall_id: goods.mall_id, mall_name: '塑身衣工厂店' } } } }, url);
    const r = extract(doc, url);
    const l = listingOf(r);
    expect(l.itemId).toBe('8359328');
    expect(l.title).toBe('【强效瘦身收腹】产后收腹带美体塑身衣束腰带束缚带瘦身减肚子透气薄款腰封');
    expect(l.shop).toEqual({ name: '塑身衣工厂店', id: '227680' });
    expect(l.prices).toEqual({ group: { min: 1290, max: 1290 }, list: { min: 1990, max: 1990 } });
    expect(formatFen(lowestPriceFen(l))).toBe('12.90');
    expect(l.skus).toHaveLength(8);
    expect(l.skus[0]).toEqual({ id: '120790943', name: '003一片式肤色 / M', priceFen: 1990, groupFen: 1290, stock: 221 });
    // type 1 entries are the 800x800 main images; type 2 are detail images further down the page
    expect(l.images).toHaveLength(6);
    expect(l.images.every((u) => u.startsWith('https://omsproductionimg.yangkeduo.com/images/2017-05-25/'))).toBe(true);
    expect(r.ok && r.sources).toMatchObject({
      itemId: 'url',
      title: 'state',
      shopName: 'state',
      shopId: 'state',
      prices: 'state',
      skus: 'state',
      images: 'state',
    });
    expect(r.ok && r.warnings.some((w) => w.includes('sellerId'))).toBe(false);
  });

  it('a mall id without a mall name is enough: ready with an empty name (contract §6.1)', () => {
    const r = extract(pageWithRawData({ store: { initDataObj: { goods } } }, url), url);
    expect(r).toMatchObject({ ok: true, listing: { shop: { name: '', id: String(goods.mall_id) } } });
  });

  it('without any mall name or id the listing is incomplete, and says why', () => {
    const { mall_id: _dropped, ...anonymous } = goods;
    const r = extract(pageWithRawData({ store: { initDataObj: { goods: anonymous } } }, url), url);
    expect(r).toMatchObject({ ok: false, reason: 'layout-changed', missing: ['shopName'] });
    expect(r.warnings).toContain('neither rawData nor the modelled DOM selectors yielded the required fields');
  });

  it('search: the 2017 search API list embedded as page state', () => {
    const search = readJavaBeanResponse('pdd/search/pdd-apiv-search-goods-2017-JavaBean-comments.java');
    const items = JSON.parse(search.items!) as Record<string, unknown>[];
    const doc = pageWithRawData({ stores: { store: { data: { ssrListData: { list: items } } } } }, SEARCH_URL);
    const s = pddAdapter.extractSearchResults!(doc, new URL(SEARCH_URL));
    expect(s.source).toBe('state');
    expect(s.results).toHaveLength(items.length);
    expect(s.results).toHaveLength(53);
    // price 4590 is the group price, normal_price 4900 the single-buy price; mall id sits in the ad block
    expect(s.results[0]).toMatchObject({ platform: 'pdd', itemId: '8471934', priceFen: 4590, shopId: '114919' });
    expect(s.results[1]).toMatchObject({ itemId: '10860963', priceFen: 990 });
  });
});

describe('Pinduoduo goods: committed current-era fixtures', () => {
  it('rawData page: decoded \\u-escaped mall name, hostile title as text, group price counts', () => {
    const raw = readFileSync(ownFixture('pdd/goods-2024-rawdata.html'), 'utf8');
    expect(raw).toContain('"mallName":"\\u826f\\u54c1'); // the name is \u-escaped in the page
    const doc = loadDocument(ownFixture('pdd/goods-2024-rawdata.html'), GOODS_URL);
    const r = extract(doc, GOODS_URL);
    const l = listingOf(r);
    expect(l.itemId).toBe('432109876543');
    expect(l.title).toBe('Acme XR-200同款降噪耳机 <img src=x onerror=alert(1)> "><script> \u202e品正');
    expect(l.shop).toEqual({ name: '良品耳机专营店', id: '987654321' });
    expect(l.shop.sellerId).toBeUndefined();
    // the sold-out SKU's 9.90 group price does not count
    expect(l.prices).toEqual({ group: { min: 1290, max: 1590 }, list: { min: 1990, max: 2290 } });
    expect(l.skus[2]).toEqual({ id: '1234567890003', name: '樱花粉 / 标准版', priceFen: 1590, groupFen: 990, stock: 0 });
    expect(formatFen(lowestPriceFen(l))).toBe('12.90');
    expect(l.images).toEqual([
      'https://img.pddpic.com/mms-material-img/2024-03-11/5f1c2d3e-aaaa-4b6c-9d8e-0123456789ab.jpeg',
      'https://img.pddpic.com/mms-material-img/2024-03-11/6a2b3c4d-bbbb-4c7d-8e9f-123456789abc.jpeg',
    ]);
    expect(l.salesText).toBe('已拼10万+件');
    expect(r.ok && r.sources).toEqual({
      itemId: 'url',
      title: 'state',
      shopName: 'state',
      shopId: 'state',
      prices: 'state',
      skus: 'state',
      images: 'state',
      salesText: 'state',
    });
    expect(r.ok && r.warnings).toEqual([]);
    expect(doc.querySelector('img[onerror]')).toBeNull();
  });

  it('goods1/goods2 and mobile.pinduoduo.com URLs name the same goods', () => {
    for (const url of [
      'https://mobile.yangkeduo.com/goods2.html?goods_id=432109876543&page_from=23',
      'https://mobile.yangkeduo.com/goods1.html?goods_id=432109876543',
      'https://mobile.pinduoduo.com/goods.html?goods_id=432109876543',
    ]) {
      expect(pddAdapter.detectPage(docOf('', url), new URL(url))).toBe('item');
      expect(listingOf(extract(loadDocument(ownFixture('pdd/goods-2024-rawdata.html'), url), url)).itemId).toBe('432109876543');
    }
  });

  it('a double-escaped mall name is decoded too', () => {
    const doc = pageWithRawData(
      { store: { initDataObj: { goods: { goodsID: 1, goodsName: 'X' }, mall: { mallID: 2, mallName: '\\u826f\\u54c1\\u5e97' } } } },
      'https://mobile.yangkeduo.com/goods.html?goods_id=1',
    );
    expect(listingOf(extract(doc, 'https://mobile.yangkeduo.com/goods.html?goods_id=1')).shop.name).toBe('良品店');
  });

  it('needLogin state is login-required', () => {
    const r = extract(loadDocument(ownFixture('pdd/goods-2024-need-login.html'), GOODS_URL), GOODS_URL);
    expect(r).toMatchObject({ ok: false, reason: 'login-required' });
  });

  it('verification page is captcha, at its own URL and at the goods URL', () => {
    const verify = 'https://mobile.yangkeduo.com/psnl_verification.html?VerifyAuthToken=abc&from=goods.html';
    for (const url of [verify, GOODS_URL]) {
      const r = extract(loadDocument(ownFixture('pdd/goods-2024-captcha.html'), url), url);
      expect(r).toMatchObject({ ok: false, reason: 'captcha' });
    }
  });

  it('DOM fallback (modelled selectors) when the page has no rawData', () => {
    const url = 'https://mobile.yangkeduo.com/goods.html?goods_id=5566778899';
    const r = extract(loadDocument(ownFixture('pdd/goods-2024-dom-only.html'), url), url);
    const l = listingOf(r);
    expect(l).toMatchObject({ itemId: '5566778899', title: '面包干 500g 整箱 早餐零食', shop: { name: '好味道食品店', id: '1122334455' } });
    expect(l.prices).toEqual({ group: { min: 2990, max: 2990 } });
    expect(l.images).toEqual(['https://img.pddpic.com/mms-material-img/2024-05-02/0c1d2e3f-cccc-4d5e-8f90-23456789abcd.jpeg']);
    expect(r.ok && r.sources).toMatchObject({ itemId: 'url', title: 'dom', shopName: 'dom', shopId: 'dom', prices: 'dom', images: 'dom' });
    expect(r.ok && r.warnings).toEqual(
      expect.arrayContaining(['no rawData state found: reading the DOM (modelled selectors)', 'missing optional field: skus']),
    );
  });

  it('never throws: empty document, broken state, unrelated URL', () => {
    const empty = extract(docOf('', GOODS_URL), GOODS_URL);
    expect(empty).toMatchObject({ ok: false, reason: 'layout-changed' });
    expect(!empty.ok && empty.missing).toEqual(['title', 'shopName']);
    expect(empty.warnings).toContain('neither rawData nor the modelled DOM selectors yielded the required fields');

    const broken = docOf(
      `<script>window.rawData={"store":{"initDataObj":{"goods":{"goodsID":1,</script>
      <div class="goods-name enable-select">标题</div><div class="mall-name">店</div>`,
      GOODS_URL,
    );
    expect(listingOf(extract(broken, GOODS_URL))).toMatchObject({ title: '标题', shop: { name: '店' } });

    expect(extract(docOf('', 'https://mobile.yangkeduo.com/index.html'), 'https://mobile.yangkeduo.com/index.html')).toMatchObject({
      ok: false,
      reason: 'not-a-listing',
    });
    const s = pddAdapter.extractSearchResults!(docOf('<script>window.rawData = {</script>', SEARCH_URL), new URL(SEARCH_URL));
    expect(s).toMatchObject({ results: [], source: 'none' });
  });
});

describe('Pinduoduo search pages', () => {
  it('state list plus a card that only the DOM has; names decoded, hostile titles as text', () => {
    const doc = loadDocument(ownFixture('pdd/search-2024-rawdata.html'), SEARCH_URL);
    const s = pddAdapter.extractSearchResults!(doc, new URL(SEARCH_URL));
    expect(s.source).toBe('state');
    expect(s.results.map((r) => r.itemId)).toEqual(['8471934', '10860963', '1025800', '5566778899']);
    expect(s.results[0]).toMatchObject({ shopName: '好味道食品店', shopId: '114919', priceFen: 4590 });
    expect(s.results[1]!.shopName).toBe('越南进口零食馆'); // URL-encoded in the state
    expect(s.results[2]!.title).toBe('<img src=x onerror=alert(1)> 蛋黄面包干 "><script> 160g');
    expect(s.results[2]!.shopName).toBe('\u202e店品食');
    expect(s.results[3]).toMatchObject({ title: '面包干 手撕面包 整箱 早餐', priceFen: 880, shopName: '早餐铺子' });
    // every result found its card, so a badge can go next to it
    expect(s.results.every((r) => r.element?.localName === 'li')).toBe(true);
  });

  it('falls back to the DOM cards when the state is missing', () => {
    const doc = loadDocument(ownFixture('pdd/search-2024-rawdata.html'), SEARCH_URL);
    doc.querySelectorAll('script').forEach((s) => s.remove());
    const s = pddAdapter.extractSearchResults!(doc, new URL(SEARCH_URL));
    expect(s.source).toBe('dom');
    expect(s.results).toHaveLength(4);
    expect(s.results[1]).toMatchObject({ itemId: '10860963', priceFen: 990 });
    expect(s.warnings).toContain('no search state found: reading result cards from the DOM');
  });
});

describe('Pinduoduo routing, registration, prices and speed', () => {
  it('claims its example URLs and nothing else claims them', () => {
    expect(ADAPTERS).toContain(pddAdapter);
    for (const [kind, urls] of Object.entries(pddAdapter.exampleUrls)) {
      for (const u of urls) {
        const routed = routePage(docOf('', u), new URL(u));
        expect(routed?.adapter.id).toBe('pdd');
        expect(routed?.kind).toBe(kind);
      }
    }
    expect(pddAdapter.detectPage(docOf('', 'https://mobile.yangkeduo.com/'), new URL('https://mobile.yangkeduo.com/'))).toBeNull();
  });

  it('a per-SKU group price counts toward the lowest price; a sold-out one does not', () => {
    expect(
      lowestPriceFen({
        prices: {},
        skus: [
          { id: '1', priceFen: 1990, groupFen: 1290 },
          { id: '2', groupFen: 900, stock: 0 },
        ],
      }),
    ).toBe(1290);
  });

  it('reads a large rawData (300 SKUs, ~60 KB) as JSON, and a JS-literal one through the literal parser', () => {
    const skus = Array.from({ length: 300 }, (_, i) => ({
      skuId: 9000 + i,
      groupPrice: 1290 + i,
      normalPrice: 1990,
      quantity: 5,
      specs: [{ spec_key: '颜色', spec_value: `色${i}` }],
    }));
    const url = 'https://mobile.yangkeduo.com/goods.html?goods_id=77';
    const big = pageWithRawData({ store: { initDataObj: { goods: { goodsID: 77, goodsName: '大', skus }, mall: { mallID: 1, mallName: '店' } } } }, url);
    const l = listingOf(extract(big, url));
    expect(l.skus).toHaveLength(300);
    expect(l.prices.group).toEqual({ min: 1290, max: 1589 });
    const runs = [0, 1, 2, 3, 4].map(() => {
      const t = performance.now();
      readRawData(big);
      return performance.now() - t;
    });
    expect(runs.sort((a, b) => a - b)[2]).toBeLessThan(10); // an acorn AST of the same text: 40–120 ms

    const literal = docOf(
      `<script>window.rawData = {store: {initDataObj: {goods: {goodsID: 78, goodsName: '单引号'}, mall: {mallID: 2, mallName: '店'}}}};</script>`,
      url.replace('77', '78'),
    );
    expect(listingOf(extract(literal, url.replace('77', '78'))).title).toBe('单引号');
  });

  it('extracts well under 5 ms (HTML parse excluded)', () => {
    const goods = loadDocument(ownFixture('pdd/goods-2024-rawdata.html'), GOODS_URL);
    const search = loadDocument(ownFixture('pdd/search-2024-rawdata.html'), SEARCH_URL);
    const timing = (f: () => unknown) => {
      for (let i = 0; i < 5; i++) f();
      const xs: number[] = [];
      for (let i = 0; i < 41; i++) {
        const t = performance.now();
        f();
        xs.push(performance.now() - t);
      }
      xs.sort((a, b) => a - b);
      // lower quartile: the machine is shared, and higher quantiles mostly measure the neighbours
      return { min: xs[0]!, p25: xs[10]!, median: xs[20]! };
    };
    const show = (m: { min: number; p25: number; median: number }) => `min ${m.min.toFixed(2)} / p25 ${m.p25.toFixed(2)} / median ${m.median.toFixed(2)} ms`;
    const goodsT = timing(() => extract(goods, GOODS_URL));
    const searchT = timing(() => pddAdapter.extractSearchResults!(search, new URL(SEARCH_URL)));
    console.info(`PDD extraction: goods ${show(goodsT)}; search ${show(searchT)}`);
    expect(goodsT.p25).toBeLessThan(5);
    expect(searchT.p25).toBeLessThan(5);
  });
});
