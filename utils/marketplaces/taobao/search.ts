import { cleanTitle } from '@/utils/marketplaces/alibaba/partial-listing';
import { findObject, pageScripts } from '@/utils/marketplaces/alibaba/scripts';
import { cleanName } from '@/utils/marketplaces/decode';
import { asArray, get, str, type StateValue } from '@/utils/marketplaces/embedded-state';
import { yuanToFen } from '@/utils/marketplaces/price';
import { ITEM_LINK, itemLink, cardAround, linkCards, readLinkCard } from '@/utils/marketplaces/taobao/search-cards';
import type { SearchExtraction, SearchResult } from '@/utils/model/search-result';

// s.taobao.com in three eras: 2016–2018 raw pages keep results only in `g_page_config`
// (mods.itemlist.data.auctions[]); the 2018 rendered page also has `.item.J_MouserOnverReq`
// cards; current pages render cards with hashed classes, read by their item links.

export const TAOBAO_SEARCH_SELECTORS = {
  resultsRoot: ['#content_items_wrapper', '#mainsrp-itemlist', '[id^="content_items"]'],
  oldCard: '.item.J_MouserOnverReq',
  oldNid: '[data-nid]',
  oldTitle: '.row-2.title a, .title a',
  oldPrice: '.price strong',
  oldShop: '.shopname',
  oldShopName: '.shopname > span:not(.dsrs)',
  tmallIcon: '.icon-service-tianmao',
} as const;
const S = TAOBAO_SEARCH_SELECTORS;

function auctionResult(a: StateValue): SearchResult | undefined {
  const itemId = str(get(a, 'nid'));
  if (!itemId || !/^\d+$/.test(itemId)) return undefined;
  const detail = str(get(a, 'detail_url')) ?? '';
  const tmall = get(a, 'shopcard', 'isTmall') === true || str(get(a, 'user_type')) === '1' || /\/\/detail\.tmall\.com\//.test(detail);
  const shopName = cleanName(str(get(a, 'nick')));
  const sellerId = str(get(a, 'user_id'));
  const priceFen = yuanToFen(str(get(a, 'view_price')));
  return {
    platform: tmall ? 'tmall' : 'taobao',
    itemId,
    title: cleanTitle(str(get(a, 'raw_title'))) ?? cleanTitle(str(get(a, 'title'))?.replace(/<[^>]*>/g, '')) ?? '',
    ...(shopName ? { shopName } : {}),
    ...(sellerId ? { sellerId } : {}),
    ...(priceFen !== undefined ? { priceFen } : {}),
  };
}

function stateResults(scripts: string[]): SearchResult[] {
  const config = findObject(scripts, 'g_page_config', /\bg_page_config\s*=\s*/, (v) => 'mods' in v);
  return asArray(get(config, 'mods', 'itemlist', 'data', 'auctions'))
    .map(auctionResult)
    .filter((r): r is SearchResult => r !== undefined);
}

function oldCardResult(card: Element): SearchResult | undefined {
  const itemId = card.querySelector(S.oldNid)?.getAttribute('data-nid') ?? '';
  if (!/^\d+$/.test(itemId)) return undefined;
  const link = itemLink(card.querySelector(ITEM_LINK)?.getAttribute('href') ?? null);
  const tmall = link?.tmall === true || card.querySelector(S.tmallIcon) !== null;
  const shopName = cleanName(card.querySelector(S.oldShopName)?.textContent);
  const sellerId = card.querySelector(S.oldShop)?.getAttribute('data-userid') ?? undefined;
  const priceFen = yuanToFen(card.querySelector(S.oldPrice)?.textContent);
  return {
    platform: tmall ? 'tmall' : 'taobao',
    itemId,
    title: cleanTitle(card.querySelector(S.oldTitle)?.textContent) ?? '',
    ...(shopName ? { shopName } : {}),
    ...(sellerId ? { sellerId } : {}),
    ...(priceFen !== undefined ? { priceFen } : {}),
    element: card,
  };
}

/** DOM fields win (they are what the user sees); the state fills what the card lacks. */
function enrich(results: SearchResult[], state: SearchResult[]): SearchResult[] {
  if (!state.length) return results;
  const byId = new Map(state.map((r) => [r.itemId, r]));
  return results.map((r) => {
    const s = byId.get(r.itemId);
    if (!s) return r;
    return { ...s, ...r, title: r.title || s.title, platform: r.platform === 'tmall' || s.platform === 'tmall' ? 'tmall' : 'taobao' };
  });
}

function findItemLink(root: Element, itemId: string): Element | undefined {
  return Array.from(root.querySelectorAll(`${ITEM_LINK}[href*="id=${itemId}"]`)).find((a) => itemLink(a.getAttribute('href'))?.itemId === itemId);
}

function resultsRoot(doc: Document): Element | null {
  for (const sel of S.resultsRoot) {
    const el = doc.querySelector(sel);
    if (el) return el;
  }
  return doc.body;
}

export function taobaoSearchResults(doc: Document, _url: URL): SearchExtraction {
  const oldCards = Array.from(doc.querySelectorAll(S.oldCard))
    .map(oldCardResult)
    .filter((r): r is SearchResult => !!r);
  // The state is a large object: read it only when the cards lack something it can supply.
  const complete = (r: SearchResult) => r.title && r.shopName && r.sellerId && r.priceFen !== undefined;
  if (oldCards.length && oldCards.every(complete)) return { results: oldCards, source: 'dom', warnings: [] };
  const state = stateResults(pageScripts(doc));
  if (oldCards.length) return { results: enrich(oldCards, state), source: 'dom', warnings: [] };

  const root = resultsRoot(doc);
  if (state.length) {
    // State only: attach the card of each item the page happens to render.
    const results = state.map((r) => {
      const link = root ? findItemLink(root, r.itemId) : undefined;
      return link && root ? { ...r, element: cardAround(link, r.itemId, root) } : r;
    });
    return { results, source: 'state', warnings: [] };
  }
  if (!root) return { results: [], source: 'none', warnings: ['no search results found'] };
  const cards = linkCards(root).map((c) => readLinkCard(c.card, c.link, c.itemId, c.tmall));
  const warnings = cards.length ? [] : ['no search results found'];
  const missingTitles = cards.filter((c) => !c.title).length;
  if (missingTitles) warnings.push(`${missingTitles} result(s) without a readable title`);
  return { results: cards, source: cards.length ? 'dom' : 'none', warnings };
}
