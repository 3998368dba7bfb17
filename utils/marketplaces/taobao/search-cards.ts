import { cleanTitle } from '@/utils/marketplaces/alibaba/partial-listing';
import { cleanName } from '@/utils/marketplaces/decode';
import { yuanToFen } from '@/utils/marketplaces/price';
import type { SearchResult } from '@/utils/model/search-result';

// Current s.taobao.com cards are rendered client-side with hashed class names that change
// between releases; the one stable thing in a card is its link to the item. A card is the
// largest element around such a link that holds links to that item only.

export const ITEM_LINK = 'a[href*="item.htm"]';

const MAX_CARD_DEPTH = 12;
/** an ancestor holding links to more than one item */
const MIXED = '';

const ITEM_HOSTS = /(^|\.)(item\.taobao\.com|detail\.tmall\.com|detail\.m\.tmall\.com|detail\.tmall\.hk)$/i;

type ItemLink = { itemId: string; tmall: boolean };

// The shape nearly every result link has; anything else goes through the URL parser.
const PLAIN_ITEM_LINK = /^(?:https:)?\/\/([a-z.]+)\/item\.htm\?(?:(?!id=)[^#&]*&)*?id=(\d{5,20})(?:[&#]|$)/;

function parseItemLink(href: string): ItemLink | undefined {
  const plain = PLAIN_ITEM_LINK.exec(href);
  if (plain && ITEM_HOSTS.test(plain[1]!)) return { itemId: plain[2]!, tmall: plain[1]!.includes('tmall') };
  try {
    const url = new URL(href, 'https://s.taobao.com/');
    if (!ITEM_HOSTS.test(url.hostname)) return undefined;
    const id = url.searchParams.get('id');
    return id && /^\d{5,20}$/.test(id) ? { itemId: id, tmall: url.hostname.includes('tmall') } : undefined;
  } catch {
    return undefined;
  }
}

// Search pages re-read the same links on every change (infinite scroll): parse each href once.
const parsedLinks = new Map<string, ItemLink | undefined>();

/** Item id and platform of an item link; undefined for ads, shop links and other pages. */
export function itemLink(href: string | null): ItemLink | undefined {
  if (!href) return undefined;
  if (parsedLinks.has(href)) return parsedLinks.get(href);
  if (parsedLinks.size >= 5000) parsedLinks.clear();
  const link = parseItemLink(href);
  parsedLinks.set(href, link);
  return link;
}

/**
 * Sponsored (直通车) cards link through click.simba.taobao.com, not to the item, but the card
 * carries the item id (`id="item_id_<id>"`) and the same title, price and shop blocks.
 */
export const SPONSORED_CARD = '[id^="item_id_"]';

function sponsoredItem(el: Element): ItemLink | undefined {
  const itemId = /^item_id_(\d{5,20})$/.exec(el.id)?.[1];
  if (!itemId) return undefined;
  // the ad link hides the host; a Tmall link elsewhere in the card tells the platform
  const tmall = el.querySelector('a[href*="tmall.com"]') !== null;
  return { itemId, tmall };
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
  for (let parent = link.parentElement, depth = 0; parent && parent !== root && depth < MAX_CARD_DEPTH; parent = parent.parentElement, depth++) {
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

/**
 * Every distinct item linked under `root`, in page order, each with its card (as cardAround finds
 * it). One pass marks each ancestor with the one item it links to, or MIXED, so 60 cards cost
 * one walk up per link instead of a selector query per ancestor.
 */
export function linkCards(root: Element): { itemId: string; tmall: boolean; link: Element; card: Element }[] {
  const links: { a: Element; link: ItemLink }[] = [];
  // one selector list, so item links and sponsored cards come in page order
  for (const a of Array.from(root.querySelectorAll(`${ITEM_LINK}, ${SPONSORED_CARD}`))) {
    const link = itemLink(a.getAttribute('href')) ?? sponsoredItem(a);
    if (link) links.push({ a, link });
  }
  const holds = new Map<Element, string>();
  for (const { a, link } of links) {
    for (let el = a.parentElement; el && el !== root; el = el.parentElement) {
      const seen = holds.get(el);
      if (seen === undefined) holds.set(el, link.itemId);
      else if (seen !== link.itemId) holds.set(el, MIXED);
    }
  }
  const seen = new Set<string>();
  const out: { itemId: string; tmall: boolean; link: Element; card: Element }[] = [];
  for (const { a, link } of links) {
    if (seen.has(link.itemId)) continue;
    seen.add(link.itemId);
    let card = a;
    for (let parent = a.parentElement, depth = 0; parent && parent !== root && depth < MAX_CARD_DEPTH; parent = parent.parentElement, depth++) {
      if (holds.get(parent) !== link.itemId) break;
      card = parent;
    }
    out.push({ ...link, link: a, card });
  }
  return out;
}
