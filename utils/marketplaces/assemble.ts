import { listingSchema, type ExtractionResult, type FieldSource, type Listing, type ListingSources, type Platform } from '@/utils/model/listing';
import { PLATFORM_FACTS } from '@/utils/marketplaces/platforms';

/** A value read by one reader, tagged with where it came from. */
export interface Sourced<T> {
  value: T | undefined;
  source: FieldSource;
}

/** First defined value among readers tried in order (state first, then DOM, then URL). */
export function firstOf<T>(...candidates: Sourced<T>[]): Sourced<T> | undefined {
  return candidates.find((c) => c.value !== undefined && c.value !== '' && !(Array.isArray(c.value) && c.value.length === 0));
}

export function fromState<T>(value: T | undefined): Sourced<T> {
  return { value, source: 'state' };
}
export function fromDom<T>(value: T | undefined): Sourced<T> {
  return { value, source: 'dom' };
}
export function fromUrl<T>(value: T | undefined): Sourced<T> {
  return { value, source: 'url' };
}

export interface ListingParts {
  platform: Platform;
  url: URL;
  itemId?: Sourced<string>;
  title?: Sourced<string>;
  shopName?: Sourced<string>;
  shopId?: Sourced<string>;
  sellerId?: Sourced<string>;
  prices?: Sourced<Listing['prices']>;
  skus?: Sourced<Listing['skus']>;
  images?: Sourced<string[]>;
  salesText?: Sourced<string>;
  extra?: { sellerNick?: string; shopUrl?: string; selfOperated?: boolean; brand?: string };
  warnings?: string[];
}

const OPTIONAL: (keyof ListingSources)[] = ['shopId', 'sellerId', 'prices', 'skus', 'images', 'salesText'];

/**
 * Turns what the readers found into the adapter result: missing required fields mean the layout
 * changed; a missing optional field is a warning, never an exception.
 */
export function assembleListing(parts: ListingParts): ExtractionResult {
  const warnings = [...(parts.warnings ?? [])];
  // a shop id without a name is enough (JD 京东自营 pages name no shop; contract §6.1)
  const nameless = !parts.shopName?.value && !!parts.shopId?.value;
  const missing = (['itemId', 'title', 'shopName'] as const).filter((k) => !parts[k]?.value && !(k === 'shopName' && nameless));
  if (missing.length) return { ok: false, reason: 'layout-changed', missing, warnings };
  if (nameless) warnings.push('no shop name on the page: the shop id identifies the seller');

  const sources: ListingSources = {};
  for (const key of ['itemId', 'title', 'shopName', ...OPTIONAL] as (keyof ListingSources)[]) {
    const part = parts[key];
    const empty =
      !part ||
      part.value === undefined ||
      (Array.isArray(part.value) && part.value.length === 0) ||
      (key === 'prices' && part.value && Object.keys(part.value).length === 0);
    if (!empty && part) sources[key] = part.source;
    else if (OPTIONAL.includes(key) && !(key === 'sellerId' && !PLATFORM_FACTS[parts.platform].hasSellerId)) warnings.push(`missing optional field: ${key}`);
  }

  const listing: Listing = {
    platform: parts.platform,
    itemId: parts.itemId!.value!,
    url: parts.url.href,
    title: parts.title!.value!,
    shop: {
      name: parts.shopName?.value ?? '',
      ...(parts.shopId?.value ? { id: parts.shopId.value } : {}),
      ...(parts.sellerId?.value ? { sellerId: parts.sellerId.value } : {}),
      ...(parts.extra?.sellerNick ? { sellerNick: parts.extra.sellerNick } : {}),
      ...(parts.extra?.shopUrl ? { url: parts.extra.shopUrl } : {}),
      ...(parts.extra?.selfOperated !== undefined ? { selfOperated: parts.extra.selfOperated } : {}),
    },
    prices: parts.prices?.value ?? {},
    skus: parts.skus?.value ?? [],
    images: parts.images?.value ?? [],
    ...(parts.salesText?.value ? { salesText: parts.salesText.value } : {}),
    ...(parts.extra?.brand ? { brand: parts.extra.brand } : {}),
  };
  const checked = listingSchema.safeParse(listing);
  if (!checked.success) {
    return { ok: false, reason: 'layout-changed', missing: checked.error.issues.map((i) => i.path.join('.')), warnings };
  }
  return { ok: true, listing: checked.data, warnings, sources };
}
