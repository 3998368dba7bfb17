import { cleanTitle } from '@/utils/marketplaces/alibaba/partial-listing';
import { cleanName } from '@/utils/marketplaces/decode';
import { yuanToFen } from '@/utils/marketplaces/price';
import type { SearchExtraction, SearchResult } from '@/utils/model/search-result';

// list.tmall.com/search_product.htm renders its results on the server: `div.product[data-id]`.
export const TMALL_SEARCH_SELECTORS = {
  card: 'div.product[data-id]',
  price: '.productPrice em[title]',
  titleLink: '.productTitle a',
  shopLink: '.productShop a.productShop-name',
} as const;
const S = TMALL_SEARCH_SELECTORS;

function cardResult(card: Element): SearchResult | undefined {
  const itemId = card.getAttribute('data-id') ?? '';
  if (!/^\d{5,20}$/.test(itemId)) return undefined;
  const titleLink = card.querySelector(S.titleLink);
  const shop = card.querySelector(S.shopLink);
  const shopName = cleanName(shop?.textContent);
  const sellerId = /user_number_id=(\d+)/.exec(shop?.getAttribute('href') ?? '')?.[1];
  const priceEl = card.querySelector(S.price);
  const priceFen = yuanToFen(priceEl?.getAttribute('title') ?? priceEl?.textContent);
  return {
    platform: 'tmall',
    itemId,
    title: cleanTitle(titleLink?.getAttribute('title')) ?? cleanTitle(titleLink?.textContent) ?? '',
    ...(shopName ? { shopName } : {}),
    ...(sellerId ? { sellerId } : {}),
    ...(priceFen !== undefined ? { priceFen } : {}),
    element: card,
  };
}

export function tmallSearchResults(doc: Document, _url: URL): SearchExtraction {
  const results = Array.from(doc.querySelectorAll(S.card))
    .map(cardResult)
    .filter((r): r is SearchResult => r !== undefined);
  return { results, source: results.length ? 'dom' : 'none', warnings: results.length ? [] : ['no search results found'] };
}
