import { cleanTitle } from '@/utils/marketplaces/alibaba/partial-listing';
import { cleanName } from '@/utils/marketplaces/decode';
import { yuanToFen } from '@/utils/marketplaces/price';
import type { SearchResult } from '@/utils/model/search-result';

// Current s.taobao.com cards are rendered client-side with hashed class names that change
// between releases; the one stable thing in a card is its link to the item. A card is the
// largest element around such a link that holds links to that item only.

export const ITEM_LINK = 'a[href*="item.htm"]';

const ITEM_HOSTS = /(^|\.)(item\.taobao\.com|detail\.tmall\.com|detail\.m\.tmall\.com|detail\.tmall\.hk)$/i;

/** Item id and platform of an item link; undefined for ads, shop links and other pages. */
export function itemLink(href: string | null): { itemId: string; tmall: boolean } | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, 'https://s.taobao.com/');
    if (!ITEM_HOSTS.test(url.hostname)) return undefined;
    const id = url.searchParams.get('id');
    return id && /^\d{5,20}$/.test(id) ? { itemId: id, tmall: url.hostname.includes('tmall') } : undefined;
  } catch {
    return undefined;
  }
}

function onlyLinksTo(el: Element, itemId: string): boolean {
  for (const a of Array.from(el.querySelectorAll(ITEM_LINK))) {
    const link = itemLink(a.getAttribute('href'));
    if (link && link.itemId !== itemId) return false;
  }
  return true;
}

/** Climbs from an item link to its card; stops before a parent that also holds another item. */
export function cardAround(link: Element, itemId: string, root: Element): Element {
  let card = link;
  for (let parent = link.parentElement, depth = 0; parent && parent !== root && depth < 12; parent = parent.parentElement, depth++) {
    if (!onlyLinksTo(parent, itemId)) break;
    card = parent;
  }
  return card;
}

const hashedText = (card: Element, ...parts: string[]): string | undefined => {
  for (const part of parts) {
    const t = card.querySelector(`[class*="${part}"]`)?.textContent;
    if (t && t.trim()) return t;
  }
  return undefined;
};

function cardPrice(card: Element): number | undefined {
  const int = hashedText(card, 'priceInt');
  if (int) return yuanToFen(`${int.trim()}${(hashedText(card, 'priceFloat') ?? '').trim()}`);
  const any = hashedText(card, 'price--', 'Price--', 'price');
  return any ? yuanToFen(any) : undefined;
}

function idFromShopLink(card: Element): { shopId?: string; sellerId?: string } {
  const out: { shopId?: string; sellerId?: string } = {};
  for (const a of Array.from(card.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    out.shopId ??= /\/\/shop(\d+)\.taobao\.com/.exec(href)?.[1];
    out.sellerId ??= /user_number_id=(\d+)/.exec(href)?.[1];
  }
  return out;
}

/** One result from a current-era card; fields the card lacks stay absent. */
export function readLinkCard(card: Element, link: Element, itemId: string, tmall: boolean): SearchResult {
  const title =
    cleanTitle(hashedText(card, 'title--', 'Title--')) ??
    cleanTitle(link.getAttribute('title')) ??
    cleanTitle(card.querySelector('img[alt]')?.getAttribute('alt')) ??
    '';
  const shopName = cleanName(hashedText(card, 'shopNameText', 'shopName', 'ShopName'));
  const priceFen = cardPrice(card);
  return {
    platform: tmall ? 'tmall' : 'taobao',
    itemId,
    title,
    ...(shopName ? { shopName } : {}),
    ...idFromShopLink(card),
    ...(priceFen !== undefined ? { priceFen } : {}),
    element: card,
  };
}

/** Every distinct item linked under `root`, in page order, each with its card. */
export function linkCards(root: Element): { itemId: string; tmall: boolean; link: Element; card: Element }[] {
  const seen = new Set<string>();
  const out: { itemId: string; tmall: boolean; link: Element; card: Element }[] = [];
  for (const a of Array.from(root.querySelectorAll(ITEM_LINK))) {
    const link = itemLink(a.getAttribute('href'));
    if (!link || seen.has(link.itemId)) continue;
    seen.add(link.itemId);
    out.push({ ...link, link: a, card: cardAround(a, link.itemId, root) });
  }
  return out;
}
