import { asObject, get, str, type StateObject, type StateValue } from '@/utils/marketplaces/embedded-state';
import { cleanName } from '@/utils/marketplaces/decode';
import { closestCard, scanByClass } from '@/utils/marketplaces/pdd/class-scan';
import { parseYuanRange } from '@/utils/marketplaces/price';
import { PDD_SEARCH, PDD_STATE } from '@/utils/marketplaces/pdd/selectors';
import { pddFen, pick, readAssigned, readRawData } from '@/utils/marketplaces/pdd/state-readers';
import { pddGoodsIdFromHref } from '@/utils/marketplaces/pdd/urls';
import type { SearchExtraction, SearchResult } from '@/utils/model/search-result';

// search_result.html: the first page of results sits in page state (its path differs between
// builds, so we look for the first list of goods objects); later pages only ever reach the DOM.

const ID_KEYS = ['goods_id', 'goodsID', 'goodsId'];
const NAME_KEYS = ['goods_name', 'goodsName', 'short_name', 'shortName'];

function isGoods(v: StateValue): boolean {
  const o = asObject(v);
  return !!o && pick(o, ...ID_KEYS) !== undefined && pick(o, ...NAME_KEYS) !== undefined;
}

/**
 * Breadth-first, bounded: the longest array whose entries look like goods. The grid is the
 * longest; banners and side slots (channel pages' `tabBannerResourceList[].data.goodsList`) hold
 * one or two goods and may sit nearer the root.
 */
function findGoodsList(root: StateValue): StateObject[] {
  const queue: StateValue[] = [root];
  let best: StateObject[] = [];
  for (let visited = 0; queue.length && visited < 4000; visited++) {
    const cur = queue.shift();
    if (Array.isArray(cur)) {
      const goods = cur.filter(isGoods) as StateObject[];
      if (goods.length > best.length) best = goods;
      // a list of goods is not searched for further lists inside its goods
      if (!goods.length) queue.push(...cur.slice(0, 50));
    } else if (cur && typeof cur === 'object') {
      queue.push(...Object.values(cur));
    }
  }
  return best;
}

function fromState(item: StateObject): SearchResult | undefined {
  const itemId = str(pick(item, ...ID_KEYS));
  const title = cleanName(str(pick(item, ...NAME_KEYS)));
  if (!itemId || !/^\d+$/.test(itemId) || !title) return undefined;
  // `price` is the group price (拼单价) in the app API; channel grids add a subsidised
  // `activityPrice` (补贴价) beside `originPrice` (拼单价); the lowest shown price counts
  const prices = [
    pick(item, 'group_price', 'groupPrice', 'price'),
    pick(item, 'normal_price', 'normalPrice'),
    pick(item, 'activityPrice', 'activity_price'),
    pick(item, 'originPrice', 'origin_price'),
  ]
    .map(pddFen)
    .filter((v): v is number => v !== undefined);
  const shopName = cleanName(str(pick(item, 'mall_name', 'mallName')));
  const shopId = str(pick(item, 'mall_id', 'mallID', 'mallId')) ?? str(get(item, 'ad', 'mall_id'));
  return {
    platform: 'pdd',
    itemId,
    title,
    ...(shopName ? { shopName } : {}),
    ...(shopId ? { shopId } : {}),
    ...(prices.length ? { priceFen: Math.min(...prices) } : {}),
  };
}

function fromCard(link: Element, itemId: string): SearchResult | undefined {
  const card = closestCard(link, PDD_SEARCH.card) ?? link;
  const found = scanByClass(card, { title: PDD_SEARCH.title, price: PDD_SEARCH.price, mallName: PDD_SEARCH.mallName }, (role, el) =>
    role === 'price' ? !!parseYuanRange(el.textContent) : !!cleanName(el.textContent),
  );
  const title = cleanName(found.title?.textContent) ?? cleanName(card.querySelector('img[alt]')?.getAttribute('alt')) ?? cleanName(link.textContent);
  if (!title) return undefined;
  const priceFen = parseYuanRange(found.price?.textContent)?.min;
  const shopName = cleanName(found.mallName?.textContent);
  return {
    platform: 'pdd',
    itemId,
    title,
    ...(shopName ? { shopName } : {}),
    ...(priceFen !== undefined ? { priceFen } : {}),
    element: card,
  };
}

/** Result cards: every link to a goods page, read once per goods id. */
function readCards(doc: Document): Map<string, SearchResult> {
  const cards = new Map<string, SearchResult>();
  const links = doc.getElementsByTagName('a');
  for (let i = 0, n = links.length; i < n; i++) {
    const link = links[i];
    const href = link?.getAttribute('href');
    if (!link || !href || !PDD_SEARCH.cardHref.test(href)) continue;
    const itemId = pddGoodsIdFromHref(href);
    if (!itemId || cards.has(itemId)) continue;
    const r = fromCard(link, itemId);
    if (r) cards.set(itemId, r);
  }
  return cards;
}

function readSearchState(doc: Document): StateValue {
  const raw = readRawData(doc) ?? readAssigned(doc, PDD_STATE.nextNeedle, PDD_STATE.nextMarker);
  if (raw) return raw;
  const json = doc.querySelector(PDD_STATE.nextScript)?.textContent;
  if (!json) return undefined;
  try {
    return JSON.parse(json) as StateValue;
  } catch {
    return undefined;
  }
}

export function extractPddSearch(doc: Document): SearchExtraction {
  const warnings: string[] = [];
  const stateResults = findGoodsList(readSearchState(doc))
    .map(fromState)
    .filter((r): r is SearchResult => !!r);
  const cards = readCards(doc);
  const results: SearchResult[] = [];
  const seen = new Set<string>();
  for (const r of stateResults) {
    if (seen.has(r.itemId)) continue;
    seen.add(r.itemId);
    const card = cards.get(r.itemId);
    results.push(card?.element ? { ...r, element: card.element } : r);
  }
  // cards loaded by scrolling are in the DOM only
  for (const r of cards.values()) if (!seen.has(r.itemId)) results.push(r);
  const source = stateResults.length ? 'state' : results.length ? 'dom' : 'none';
  if (!stateResults.length) warnings.push('no search state found: reading result cards from the DOM');
  const noName = results.filter((r) => !r.shopName).length;
  if (noName) warnings.push(`${noName} result(s) without a mall name`);
  if (!results.length) warnings.push('no search results recognised');
  return { results, source, warnings };
}
