import type { MarketplaceAdapter } from '@/utils/marketplaces/adapter';
import { formatFen, lowestPriceFen } from '@/utils/marketplaces/price';
import type { ExtractionResult, Listing, RemovedItem } from '@/utils/model/listing';
import type { VerdictQuery } from '@/utils/messaging/schemas';
import type { ListingView, PanelState } from '@/utils/content/panel-view';

/** How long a page may stay without its required fields before the panel says `error`. */
export const REQUIRED_FIELDS_DEADLINE_MS = 10_000;

export interface ListingSnapshot {
  state: PanelState;
  result: ExtractionResult;
  listing?: ListingView;
  removed?: RemovedItem;
  detail?: string;
}

/**
 * What a capture of a taken-down page records (contract §6.1: proof of the takedown): the
 * platform and item id the URL gave, the page's own title, no shop and no prices.
 */
export function takedownListing(removed: RemovedItem, url: URL, pageTitle: string): Listing | undefined {
  if (!removed.itemId) return undefined;
  const title = (removed.title ?? pageTitle).trim().slice(0, 2000) || `${removed.platform} ${removed.itemId}`;
  // the shop, where the page still names it, links the proof to the shop's case
  const shop = removed.shop ?? { name: '' };
  return { platform: removed.platform, itemId: removed.itemId, url: url.href, title, shop, prices: {}, skus: [], images: [], takedown: true };
}

export function toQuery(listing: Listing): VerdictQuery {
  const lowest = lowestPriceFen(listing);
  return {
    platform: listing.platform,
    itemId: listing.itemId,
    title: listing.title.slice(0, 2000),
    shopName: listing.shop.name.slice(0, 2000),
    ...(listing.shop.id ? { shopId: listing.shop.id } : {}),
    ...(listing.shop.sellerId ? { sellerId: listing.shop.sellerId } : {}),
    ...(lowest !== undefined ? { lowestPriceFen: lowest } : {}),
  };
}

/** One extraction turned into what the panel needs; `elapsedMs` decides loading vs error. */
export function snapshot(adapter: MarketplaceAdapter, doc: Document, url: URL, elapsedMs: number): ListingSnapshot {
  let result: ExtractionResult;
  try {
    result = adapter.extractListing(doc, url);
  } catch (err) {
    // Adapters must not throw; if one does, the panel reports it rather than breaking the page.
    result = { ok: false, reason: 'layout-changed', warnings: [`extractor error: ${String(err)}`] };
  }
  if (result.ok) {
    const l = result.listing;
    return {
      state: 'ready',
      result,
      listing: {
        platform: l.platform,
        itemId: l.itemId,
        title: l.title,
        shopName: l.shop.name,
        shopId: l.shop.id ?? '',
        sellerId: l.shop.sellerId ?? '',
        lowestPrice: formatFen(lowestPriceFen(l)),
        sources: result.sources,
        warnings: result.warnings,
      },
    };
  }
  if (result.reason === 'removed') return { state: 'removed', result, ...(result.removed ? { removed: result.removed } : {}) };
  if (result.reason === 'layout-changed') {
    const detail = `missing: ${(result.missing ?? []).join(', ')}`;
    return { state: elapsedMs >= REQUIRED_FIELDS_DEADLINE_MS ? 'error' : 'loading', result, detail };
  }
  return { state: result.reason, result };
}

/** A key that changes whenever the verdict could change, so we ask the background only then. */
export function verdictKey(q: VerdictQuery): string {
  return [q.platform, q.itemId, q.shopId ?? '', q.sellerId ?? '', q.shopName, q.lowestPriceFen ?? '', q.title].join('\u0001');
}
