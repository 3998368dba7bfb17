import { TAOBAO_SEARCH_SAMPLE } from '@/utils/marketplaces/taobao/search-sample';
import type { MarketplaceAdapter } from '@/utils/marketplaces/adapter';
import { defineAdapter } from '@/utils/marketplaces/define-adapter';
import { TAOBAO_IMAGE_HOSTS } from '@/utils/marketplaces/taobao/image-hosts';
import { taobaoMatches } from '@/utils/marketplaces/taobao/matches';
import { assembleListing } from '@/utils/marketplaces/assemble';
import { blockedReason } from '@/utils/marketplaces/alibaba/blocked';
import { blockedWhenEmpty } from '@/utils/marketplaces/blocked-pages';
import { fieldsToRead, readDomFields, type PageEra } from '@/utils/marketplaces/alibaba/dom-fields';
import { mergeParts, type PartialListing } from '@/utils/marketplaces/alibaba/partial-listing';
import { pageScripts } from '@/utils/marketplaces/alibaba/scripts';
import { noItemId, takedownNotice, takedownReason } from '@/utils/marketplaces/alibaba/removed';
import { removedListing } from '@/utils/marketplaces/removed';
import { iceListing, readIceState } from '@/utils/marketplaces/alibaba/ice-app-context';
import { optionNames, TAOBAO_DOM_READERS } from '@/utils/marketplaces/taobao/dom-readers';
import { taobaoSearchResults } from '@/utils/marketplaces/taobao/search';
import { gConfigListing, readGConfig } from '@/utils/marketplaces/taobao/state-readers';
import type { ExtractionResult, PageKind } from '@/utils/model/listing';

const ITEM_HOST = 'item.taobao.com';
const SEARCH_HOST = 's.taobao.com';
// the H5 detail page that share links open (h5.m.taobao.com/awp/core/detail.htm?id=…)
const H5_HOST = 'h5.m.taobao.com';
const H5_DETAIL_PATH = /^\/awp\/core\/detail\.htm$/i;

function itemIdFromUrl(url: URL): string | undefined {
  const id = url.searchParams.get('id');
  return id && /^\d{5,20}$/.test(id) ? id : noItemId(url);
}

function detectPage(_doc: Document, url: URL): PageKind | null {
  if (url.hostname === ITEM_HOST && /^\/(?:item\.htm(\/|$)|auction\/noitem\.htm$)/i.test(url.pathname)) return 'item';
  if (url.hostname === H5_HOST && H5_DETAIL_PATH.test(url.pathname) && itemIdFromUrl(url)) return 'item';
  if (url.hostname === SEARCH_HOST && /^\/(search|list)\b/i.test(url.pathname)) return 'search';
  return null;
}

/** Why the listing is gone, if it is; a login wall or captcha never is (contract §6.1). */
function gone(doc: Document, url: URL, scripts: string[], needLogin: boolean): string | undefined {
  const reason = takedownReason(url, scripts);
  return reason && !blockedReason(doc, url, needLogin) ? reason : undefined;
}

/** Eras in order of age: current ICE state, then 2019–2022 g_config. */
function readState(doc: Document, scripts: string[]): { state?: PartialListing; needLogin: boolean; era: PageEra } {
  const ice = readIceState(scripts);
  if (ice?.res) return { state: iceListing(ice.res), needLogin: ice.needLogin, era: 'current' };
  const g = readGConfig(scripts);
  if (g) return { state: gConfigListing(g, scripts, optionNames(doc)), needLogin: false, era: 'legacy' };
  return { needLogin: ice?.needLogin ?? false, era: 'current' };
}

function extract(doc: Document, url: URL): ExtractionResult {
  const urlItemId = itemIdFromUrl(url);
  const isItemUrl = detectPage(doc, url) === 'item';
  const scripts = pageScripts(doc);
  const { state, needLogin, era } = readState(doc, scripts);
  if (!isItemUrl && !state?.itemId) {
    return { ok: false, reason: blockedReason(doc, url, needLogin) ?? 'not-a-listing', warnings: [] };
  }
  const takedown = gone(doc, url, scripts, needLogin);
  if (takedown) return removedListing('taobao', urlItemId ?? state?.itemId, takedown, state);
  const dom = readDomFields(doc, era, fieldsToRead(state, era), TAOBAO_DOM_READERS);
  const warnings = state ? [] : ['no embedded page state found: read from the rendered page'];
  const result = assembleListing(mergeParts({ platform: 'taobao', url, state, dom, urlItemId, warnings }));
  if (result.ok) return result;
  const blocked = blockedReason(doc, url, needLogin);
  if (blocked) return { ok: false, reason: blocked, warnings: result.warnings };
  const notice = takedownNotice(doc);
  if (notice) return removedListing('taobao', urlItemId, notice);
  const nothing = !state && !dom.title && !dom.shopName;
  return nothing ? { ok: false, reason: 'not-a-listing', warnings: result.warnings } : result;
}

export const taobaoAdapter: MarketplaceAdapter = defineAdapter({
  id: 'taobao',
  extractorVersion: 'taobao-1.0.0',
  matches: taobaoMatches,
  imageHosts: TAOBAO_IMAGE_HOSTS,
  exampleUrls: {
    item: ['https://item.taobao.com/item.htm?id=562283240178', 'https://h5.m.taobao.com/awp/core/detail.htm?id=1021732889355'],
    search: ['https://s.taobao.com/search?q=%E8%80%B3%E6%9C%BA'],
  },
  detectPage: (doc, url) => detectPage(doc, url),
  extractListing: (doc, url) => extract(doc, url),
  extractSearchResults: (doc, url) => blockedWhenEmpty(taobaoSearchResults(doc, url), () => blockedReason(doc, url)),
  searchSample: TAOBAO_SEARCH_SAMPLE,
});
