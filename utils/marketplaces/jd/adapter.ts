import { JD_SEARCH_SAMPLE } from '@/utils/marketplaces/jd/search-sample';
import type { MarketplaceAdapter } from '@/utils/marketplaces/adapter';
import { defineAdapter } from '@/utils/marketplaces/define-adapter';
import { JD_IMAGE_HOSTS } from '@/utils/marketplaces/jd/image-hosts';
import { jdMatches } from '@/utils/marketplaces/jd/matches';
import { assembleListing, firstOf, fromDom, fromState, fromUrl, type Sourced } from '@/utils/marketplaces/assemble';
import { detectJdBlocked } from '@/utils/marketplaces/jd/blocked';
import { jdTakedown } from '@/utils/marketplaces/jd/removed';
import { removedListing } from '@/utils/marketplaces/removed';
import { blockedWhenEmpty } from '@/utils/marketplaces/blocked-pages';
import { readJdDomImages, readJdDomPrices, readJdSelfOperated, readJdShop, readJdShopIdFromLinks, readJdTitle } from '@/utils/marketplaces/jd/dom-readers';
import { extractJdSearch } from '@/utils/marketplaces/jd/search';
import { readJdProduct, readJdState, type JdStateFields } from '@/utils/marketplaces/jd/state-readers';
import { isJdSearchUrl, jdItemIdFromUrl, jdReturnItemId } from '@/utils/marketplaces/jd/urls';
import type { ExtractionResult, Listing, PageKind } from '@/utils/model/listing';

// JD: item id = sku. State (pageConfig) gives ids, title, images and variants; the shop name and,
// on most pages, the price come from the DOM only.

function pricesOf(list: number | undefined, coupon: number | undefined): Listing['prices'] | undefined {
  const prices: Listing['prices'] = {};
  if (list !== undefined) prices.list = { min: list, max: list };
  // a 券后 figure above the JD price is not a discount a buyer gets: keep it only when lower
  if (coupon !== undefined && (list === undefined || coupon <= list)) prices.coupon = { min: coupon, max: coupon };
  return Object.keys(prices).length ? prices : undefined;
}

function extract(doc: Document, url: URL): ExtractionResult {
  const urlId = jdItemIdFromUrl(url);
  const product = readJdProduct(doc);
  if (!product) {
    const blocked = detectJdBlocked(doc, url);
    if (blocked) return { ok: false, reason: blocked, warnings: [] };
  }
  if (!urlId) return { ok: false, reason: 'not-a-listing', warnings: [] };
  const takedown = jdTakedown(doc, !!product);
  if (takedown) {
    const known = product ? readJdState(product) : undefined;
    return removedListing('jd', urlId, takedown, { title: known?.title, shopId: known?.shopId, sellerId: known?.venderId });
  }

  const warnings: string[] = [];
  const state: JdStateFields = product ? readJdState(product) : { images: [], skus: [] };
  if (!product) warnings.push('no pageConfig state found: reading the DOM only');
  if (state.skuId && state.skuId !== urlId) warnings.push(`item id differs: url ${urlId}, page state ${state.skuId}`);

  // what the page shows wins over the state; each figure falls back on its own
  const dom = readJdDomPrices(doc, state.skuId ?? urlId);
  const domHasPrice = dom.listFen !== undefined || dom.couponFen !== undefined;
  const priceValue = pricesOf(dom.listFen ?? state.listFen, dom.couponFen ?? state.couponFen);
  const prices: Sourced<Listing['prices']> = { value: priceValue, source: domHasPrice ? 'dom' : 'state' };
  if (!priceValue) warnings.push('price not on the page yet (JD fills it from its price API)');

  const selfOperated = readJdSelfOperated(doc) ?? state.selfOperated;
  const shop = readJdShop(doc);
  // DOM fallbacks run only for what the state lacks: each is a scan of a large page
  return assembleListing({
    platform: 'jd',
    url,
    // the URL names the page the investigator is on; the state id only cross-checks it
    itemId: firstOf(fromUrl(urlId), fromState(state.skuId)),
    title: firstOf(fromState(state.title), fromDom(state.title ? undefined : readJdTitle(doc))),
    shopName: firstOf(fromDom(shop.name)),
    shopId: firstOf(fromState(state.shopId), fromDom(state.shopId ? undefined : readJdShopIdFromLinks(doc))),
    sellerId: firstOf(fromState(state.venderId)),
    prices,
    skus: firstOf(fromState(state.skus.length ? state.skus : undefined)),
    images: firstOf(fromState(state.images), fromDom(state.images.length ? undefined : readJdDomImages(doc))),
    extra: {
      ...(shop.url ? { shopUrl: shop.url } : {}),
      ...(selfOperated !== undefined ? { selfOperated } : {}),
    },
    warnings,
  });
}

export const jdAdapter: MarketplaceAdapter = defineAdapter({
  id: 'jd',
  extractorVersion: 'jd-1.0.0',
  matches: jdMatches,
  imageHosts: JD_IMAGE_HOSTS,
  exampleUrls: {
    item: ['https://item.jd.com/1020565583.html', 'https://item.jd.com/100012043978.html'],
    search: ['https://search.jd.com/Search?keyword=%E7%B4%A2%E5%B0%BC%E8%80%B3%E6%9C%BA&enc=utf-8'],
  },
  detectPage(_doc: Document, url: URL): PageKind | null {
    if (jdItemIdFromUrl(url)) return 'item';
    if (isJdSearchUrl(url)) return 'search';
    // a login page JD redirected to from an item page: the panel reports login-required there
    if (url.hostname === 'passport.jd.com' && jdReturnItemId(url)) return 'item';
    return null;
  },
  extractListing: (doc: Document, url: URL): ExtractionResult => extract(doc, url),
  extractSearchResults(doc: Document, url: URL) {
    if (!isJdSearchUrl(url)) return { results: [], source: 'none', warnings: ['not a JD search page'] };
    return blockedWhenEmpty(extractJdSearch(doc), () => detectJdBlocked(doc, url));
  },
  searchSample: JD_SEARCH_SAMPLE,
});
