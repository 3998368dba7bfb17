import { cleanName } from '@/utils/marketplaces/decode';
import { candidates, firstValue } from '@/utils/marketplaces/jd/dom-query';
import { yuanToFen } from '@/utils/marketplaces/price';
import { JD_SEARCH } from '@/utils/marketplaces/jd/selectors';
import type { SearchExtraction, SearchResult } from '@/utils/model/search-result';

// search.jd.com renders its result cards on the server; prices and shop names inside a card may
// be filled later by scripts, so every field but the sku and title is optional.

function readCard(card: Element): SearchResult | undefined {
  const itemId = card.getAttribute('data-sku')?.trim();
  if (!itemId || !/^\d+$/.test(itemId)) return undefined;
  const attr = (name: string, ...sels: string[]) => firstValue(card, sels, (el) => cleanName(el.getAttribute(name)));
  const text = (...sels: string[]) => firstValue(card, sels, (el) => cleanName(el.textContent));
  const title = attr('title', JD_SEARCH.titleAttr) ?? text(...JD_SEARCH.titleText);
  if (!title) return undefined;
  const priceFen = yuanToFen(text(...JD_SEARCH.priceText)) ?? yuanToFen(attr('data-price', JD_SEARCH.priceAttr));
  const shopId = attr('data-shopid', JD_SEARCH.shop);
  const shopName = attr('title', ...JD_SEARCH.shopNameAttr) ?? text(...JD_SEARCH.shopNameText);
  const sellerId = attr('data-venid', JD_SEARCH.venderId) ?? attr('data-verderid', JD_SEARCH.shop);
  return {
    platform: 'jd',
    itemId,
    title,
    ...(shopName ? { shopName } : {}),
    ...(shopId ? { shopId } : {}),
    ...(sellerId ? { sellerId } : {}),
    ...(priceFen !== undefined ? { priceFen } : {}),
    element: card,
  };
}

export function extractJdSearch(doc: Document): SearchExtraction {
  const warnings: string[] = [];
  const results: SearchResult[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  try {
    for (const card of candidates(doc, [JD_SEARCH.card])) {
      const r = readCard(card);
      if (!r) unreadable++;
      else if (!seen.has(r.itemId)) {
        seen.add(r.itemId);
        results.push(r);
      }
    }
  } catch (e) {
    warnings.push(`search read failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (unreadable) warnings.push(`${unreadable} result card(s) without sku or title skipped`);
  const noName = results.filter((r) => !r.shopName).length;
  if (noName) warnings.push(`${noName} result(s) without a shop name yet (filled in later by the page)`);
  const noPrice = results.filter((r) => r.priceFen === undefined).length;
  if (noPrice) warnings.push(`${noPrice} result(s) without a price yet`);
  if (!results.length) warnings.push('no search results recognised');
  return { results, source: results.length ? 'dom' : 'none', warnings };
}
