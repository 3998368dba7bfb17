import { fromDom, fromState, fromUrl, firstOf, type ListingParts, type Sourced } from '@/utils/marketplaces/assemble';
import { decodeUnicodeEscapes } from '@/utils/marketplaces/decode';
import { rangeOf } from '@/utils/marketplaces/price';
import type { FenRange, ListingPrices, Platform, Sku } from '@/utils/model/listing';

/** What one reader (page state or rendered DOM) found; every field optional. */
export interface PartialListing {
  itemId?: string;
  title?: string;
  shopName?: string;
  shopId?: string;
  sellerId?: string;
  sellerNick?: string;
  shopUrl?: string;
  prices?: ListingPrices;
  skus?: Sku[];
  images?: string[];
  salesText?: string;
  brand?: string;
}

/** Titles keep `%` literally ("100%棉"): only \u escapes and white space are normalised. */
export function cleanTitle(text: string | undefined | null): string | undefined {
  if (typeof text !== 'string') return undefined;
  const t = decodeUnicodeEscapes(text).replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

const PRICE_KEYS = ['list', 'promo', 'coupon'] as const;

/** Per price kind: the state's figure first, the rendered one where the state has none. */
function mergePrices(state?: ListingPrices, dom?: ListingPrices): Sourced<ListingPrices> | undefined {
  const out: ListingPrices = {};
  let fromStateCount = 0;
  for (const key of PRICE_KEYS) {
    const s = state?.[key];
    const d = dom?.[key];
    if (s) fromStateCount++;
    const v = s ?? d;
    if (v) out[key] = v;
  }
  if (!Object.keys(out).length) return undefined;
  return fromStateCount ? fromState(out) : fromDom(out);
}

export interface MergeInput {
  platform: Platform;
  url: URL;
  state?: PartialListing;
  dom?: PartialListing;
  urlItemId?: string;
  /** Tmall's old state has only the seller nick; it names the shop when the DOM does not */
  nickAsShopName?: boolean;
  warnings?: string[];
}

/** State first, DOM second, URL last; disagreements between state and URL become warnings. */
export function mergeParts(input: MergeInput): ListingParts {
  const { state = {}, dom = {}, urlItemId } = input;
  const warnings = [...(input.warnings ?? [])];
  if (state.itemId && urlItemId && state.itemId !== urlItemId) {
    warnings.push(`item id in page state (${state.itemId}) differs from the URL (${urlItemId})`);
  }
  const shopName = firstOf(fromState(state.shopName), fromDom(dom.shopName), ...(input.nickAsShopName ? [fromState(state.sellerNick)] : []));
  const sellerNick = state.sellerNick ?? dom.sellerNick;
  const shopUrl = state.shopUrl ?? dom.shopUrl;
  const brand = state.brand ?? dom.brand;
  return {
    platform: input.platform,
    url: input.url,
    itemId: firstOf(fromState(state.itemId), fromDom(dom.itemId), fromUrl(urlItemId)),
    title: firstOf(fromState(state.title), fromDom(dom.title)),
    shopName,
    shopId: firstOf(fromState(state.shopId), fromDom(dom.shopId)),
    sellerId: firstOf(fromState(state.sellerId), fromDom(dom.sellerId)),
    prices: mergePrices(state.prices, dom.prices),
    skus: firstOf(fromState(state.skus), fromDom(dom.skus)),
    images: firstOf(fromState(state.images), fromDom(dom.images)),
    salesText: firstOf(fromState(state.salesText), fromDom(dom.salesText)),
    extra: {
      ...(sellerNick ? { sellerNick } : {}),
      ...(shopUrl ? { shopUrl } : {}),
      ...(brand ? { brand } : {}),
    },
    warnings,
  };
}

/**
 * Page-level range of one SKU price over the SKUs a buyer can buy (in stock, not member-only),
 * so that an out-of-stock SKU's price never becomes the listing's lowest price; over all SKUs
 * when none is buyable.
 */
export function skuRange(skus: Sku[], key: 'priceFen' | 'promoFen' | 'couponFen'): FenRange | undefined {
  const buyable = skus.filter((s) => s.stock !== 0 && !s.memberOnly);
  return rangeOf((buyable.length ? buyable : skus).map((s) => s[key]));
}
