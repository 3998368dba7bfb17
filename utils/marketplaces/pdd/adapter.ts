import { PDD_SEARCH_SAMPLE } from '@/utils/marketplaces/pdd/search-sample';
import type { MarketplaceAdapter } from '@/utils/marketplaces/adapter';
import { defineAdapter } from '@/utils/marketplaces/define-adapter';
import { PDD_IMAGE_HOSTS } from '@/utils/marketplaces/pdd/image-hosts';
import { pddMatches } from '@/utils/marketplaces/pdd/matches';
import { assembleListing, firstOf, fromDom, fromState, fromUrl } from '@/utils/marketplaces/assemble';
import { detectPddBlocked } from '@/utils/marketplaces/pdd/blocked';
import { removedListing, removedNotice } from '@/utils/marketplaces/removed';
import { PDD_REMOVED } from '@/utils/marketplaces/pdd/selectors';
import { blockedWhenEmpty } from '@/utils/marketplaces/blocked-pages';
import { readPddDom } from '@/utils/marketplaces/pdd/dom-readers';
import { extractPddSearch } from '@/utils/marketplaces/pdd/search';
import { readPddGoodsState, readRawData, type PddStateFields } from '@/utils/marketplaces/pdd/state-readers';
import { isPddGridUrl, pddGoodsIdFromUrl } from '@/utils/marketplaces/pdd/urls';
import type { ExtractionResult, Listing, PageKind } from '@/utils/model/listing';

// Pinduoduo: item id = goods_id; shop id = mallID; no seller id. The group price (拼单价) counts
// toward the lowest price (contract §1). State first; the DOM fallback is modelled (see dom-readers).

function pricesOf(group: Listing['prices']['group'], list: Listing['prices']['list']): Listing['prices'] | undefined {
  if (!group && !list) return undefined;
  return { ...(group ? { group } : {}), ...(list ? { list } : {}) };
}

function extract(doc: Document, url: URL): ExtractionResult {
  const raw = readRawData(doc);
  const state: PddStateFields = raw ? readPddGoodsState(raw) : { needLogin: false, skus: [], images: [] };
  if (state.needLogin) return { ok: false, reason: 'login-required', warnings: [] };
  const urlId = pddGoodsIdFromUrl(url);
  if (!state.goodsId) {
    const blocked = detectPddBlocked(doc, url);
    if (blocked) return { ok: false, reason: blocked, warnings: [] };
  }
  if (!urlId) return { ok: false, reason: 'not-a-listing', warnings: [] };
  // offline goods: modelled (no real sample), see PDD_REMOVED
  const offline = state.goodsId ? undefined : removedNotice(doc, PDD_REMOVED.text);
  if (offline) return removedListing('pdd', urlId, `page notice: ${offline}`);

  const warnings: string[] = [];
  if (!raw) warnings.push('no rawData state found: reading the DOM (modelled selectors)');
  else if (!state.goodsId) warnings.push('rawData holds no goods object: reading the DOM (modelled selectors)');
  if (state.goodsId && state.goodsId !== urlId) warnings.push(`item id differs: url ${urlId}, page state ${state.goodsId}`);

  // the DOM is read only for what the state lacks
  const needDom = !state.title || !state.mallName || (!state.group && !state.list) || !state.images.length;
  const dom = needDom ? readPddDom(doc) : { images: [] };
  const result = assembleListing({
    platform: 'pdd',
    url,
    itemId: firstOf(fromUrl(urlId), fromState(state.goodsId)),
    title: firstOf(fromState(state.title), fromDom(dom.title)),
    shopName: firstOf(fromState(state.mallName), fromDom(dom.mallName)),
    shopId: firstOf(fromState(state.mallId), fromDom(dom.mallId)),
    prices: firstOf(fromState(pricesOf(state.group, state.list)), fromDom(pricesOf(dom.group, undefined))),
    skus: firstOf(fromState(state.skus)),
    images: firstOf(fromState(state.images), fromDom(dom.images)),
    salesText: firstOf(fromState(state.salesText), fromDom(dom.salesText)),
    warnings,
  });
  if (!result.ok && result.reason === 'layout-changed') {
    result.warnings.push('neither rawData nor the modelled DOM selectors yielded the required fields');
  }
  return result;
}

export const pddAdapter: MarketplaceAdapter = defineAdapter({
  id: 'pdd',
  extractorVersion: 'pdd-1.0.0',
  matches: pddMatches,
  imageHosts: PDD_IMAGE_HOSTS,
  exampleUrls: {
    item: [
      'https://mobile.yangkeduo.com/goods.html?goods_id=8359328',
      'https://mobile.yangkeduo.com/goods2.html?goods_id=8359328',
      'https://mobile.pinduoduo.com/goods.html?goods_id=8359328',
    ],
    search: [
      'https://mobile.yangkeduo.com/search_result.html?search_key=%E9%9D%A2%E5%8C%85%E5%B9%B2',
      'https://mobile.yangkeduo.com/pincard_ask.html?__rp_name=brand_amazing_price_group',
    ],
  },
  detectPage(_doc: Document, url: URL): PageKind | null {
    if (pddGoodsIdFromUrl(url)) return 'item';
    // channel pages are grids of goods like a search page: read and badged the same way
    if (isPddGridUrl(url)) return 'search';
    return null;
  },
  extractListing: (doc: Document, url: URL): ExtractionResult => extract(doc, url),
  extractSearchResults(doc: Document, url: URL) {
    if (!isPddGridUrl(url)) return { results: [], source: 'none', warnings: ['not a Pinduoduo search or channel page'] };
    return blockedWhenEmpty(extractPddSearch(doc), () => detectPddBlocked(doc, url));
  },
  searchSample: PDD_SEARCH_SAMPLE,
});
