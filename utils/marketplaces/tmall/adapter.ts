import { TMALL_SEARCH_SAMPLE } from '@/utils/marketplaces/tmall/search-sample';
import type { MarketplaceAdapter } from '@/utils/marketplaces/adapter';
import { defineAdapter } from '@/utils/marketplaces/define-adapter';
import { TMALL_IMAGE_HOSTS } from '@/utils/marketplaces/tmall/image-hosts';
import { tmallMatches } from '@/utils/marketplaces/tmall/matches';
import { assembleListing } from '@/utils/marketplaces/assemble';
import { blockedReason } from '@/utils/marketplaces/alibaba/blocked';
import { blockedWhenEmpty } from '@/utils/marketplaces/blocked-pages';
import { fieldsToRead, readDomFields, type PageEra } from '@/utils/marketplaces/alibaba/dom-fields';
import { mergeParts, type PartialListing } from '@/utils/marketplaces/alibaba/partial-listing';
import { pageScripts } from '@/utils/marketplaces/alibaba/scripts';
import { noItemId, takedownNotice, takedownReason } from '@/utils/marketplaces/alibaba/removed';
import { removedListing } from '@/utils/marketplaces/removed';
import { iceListing, readIceState } from '@/utils/marketplaces/alibaba/ice-app-context';
import { TMALL_DOM_READERS } from '@/utils/marketplaces/tmall/dom-readers';
import { mobileListing, readMobileState } from '@/utils/marketplaces/tmall/mobile-state';
import { tmallSearchResults } from '@/utils/marketplaces/tmall/search';
import { readTShop, tshopListing } from '@/utils/marketplaces/tmall/state-readers';
import type { ExtractionResult, PageKind } from '@/utils/model/listing';

const ITEM_HOSTS = new Set(['detail.tmall.com', 'detail.m.tmall.com']);
const SEARCH_HOST = 'list.tmall.com';

function itemIdFromUrl(url: URL): string | undefined {
  const id = url.searchParams.get('id');
  return id && /^\d{5,20}$/.test(id) ? id : noItemId(url);
}

function detectPage(_doc: Document, url: URL): PageKind | null {
  if (ITEM_HOSTS.has(url.hostname) && /^\/(?:item\.htm(\/|$)|auction\/noitem\.htm$)/i.test(url.pathname)) return 'item';
  if (url.hostname === SEARCH_HOST && /^\/search_product\.htm$/i.test(url.pathname)) return 'search';
  return null;
}

interface StateRead {
  state?: PartialListing;
  needLogin: boolean;
  era: PageEra;
  /** the 2018–2020 state names the seller, not the shop */
  nickAsShopName?: boolean;
}

/** Eras, newest first: ICE (2023–2025), TShop.Setup (PC 2018–2020), _DATA_Detail (mobile 2019). */
function readState(scripts: string[]): StateRead {
  const ice = readIceState(scripts);
  if (ice?.res) return { state: iceListing(ice.res), needLogin: ice.needLogin, era: 'current' };
  const tshop = readTShop(scripts);
  if (tshop) return { state: tshopListing(tshop, scripts), needLogin: false, era: 'legacy', nickAsShopName: true };
  // The 2019 mobile page carries its live price in _DATA_Mdskip: nothing more to read from the DOM.
  const mobile = readMobileState(scripts);
  if (mobile) return { state: mobileListing(mobile.detail, mobile.mdskip), needLogin: false, era: 'current' };
  return { needLogin: ice?.needLogin ?? false, era: 'current' };
}

function extract(doc: Document, url: URL): ExtractionResult {
  const urlItemId = itemIdFromUrl(url);
  const isItemUrl = detectPage(doc, url) === 'item';
  const scripts = pageScripts(doc);
  const { state, needLogin, era, nickAsShopName } = readState(scripts);
  if (!isItemUrl && !state?.itemId) {
    return { ok: false, reason: blockedReason(doc, url, needLogin) ?? 'not-a-listing', warnings: [] };
  }
  // a login wall or captcha is never a takedown (contract §6.1)
  const takedown = takedownReason(url, scripts);
  if (takedown && !blockedReason(doc, url, needLogin)) return removedListing('tmall', urlItemId ?? state?.itemId, takedown, state);
  const dom = readDomFields(doc, era, fieldsToRead(state, era), TMALL_DOM_READERS);
  const warnings = state ? [] : ['no embedded page state found: read from the rendered page'];
  const result = assembleListing(mergeParts({ platform: 'tmall', url, state, dom, urlItemId, nickAsShopName, warnings }));
  if (result.ok) return result;
  const blocked = blockedReason(doc, url, needLogin);
  if (blocked) return { ok: false, reason: blocked, warnings: result.warnings };
  const notice = takedownNotice(doc);
  if (notice) return removedListing('tmall', urlItemId, notice);
  const nothing = !state && !dom.title && !dom.shopName;
  return nothing ? { ok: false, reason: 'not-a-listing', warnings: result.warnings } : result;
}

export const tmallAdapter: MarketplaceAdapter = defineAdapter({
  id: 'tmall',
  extractorVersion: 'tmall-1.0.0',
  matches: tmallMatches,
  imageHosts: TMALL_IMAGE_HOSTS,
  exampleUrls: {
    item: ['https://detail.tmall.com/item.htm?id=605258110430', 'https://detail.m.tmall.com/item.htm?id=577342018417'],
    search: ['https://list.tmall.com/search_product.htm?q=%E7%AB%A5%E4%B9%A6'],
  },
  detectPage: (doc, url) => detectPage(doc, url),
  extractListing: (doc, url) => extract(doc, url),
  extractSearchResults: (doc, url) => blockedWhenEmpty(tmallSearchResults(doc, url), () => blockedReason(doc, url)),
  searchSample: TMALL_SEARCH_SAMPLE,
});
