import type { ExtractionResult, Platform } from '@/utils/model/listing';

// A taken-down listing (商品已下架, 宝贝不存在, 该商品已下柜) is a state of its own (contract §6.1):
// the panel says so and a capture of it is proof of the takedown. Adapters decide only after
// ruling out login walls and captchas, which are never `removed`.

/** What the page still tells of the taken-down listing, if anything (for the takedown's case). */
export interface StillKnown {
  title?: string;
  shopName?: string;
  shopId?: string;
  sellerId?: string;
}

export function removedListing(platform: Platform, itemId: string | undefined, why: string, known: StillKnown = {}): ExtractionResult {
  const { title, shopName, shopId, sellerId } = known;
  const shop = shopName || shopId ? { shop: { name: shopName ?? '', ...(shopId ? { id: shopId } : {}), ...(sellerId ? { sellerId } : {}) } } : {};
  return { ok: false, reason: 'removed', warnings: [why], removed: { platform, ...(itemId ? { itemId } : {}), ...(title ? { title } : {}), ...shop } };
}

/** The first of `texts` in the page's title or body text, if any. */
export function removedNotice(doc: Document, texts: readonly string[]): string | undefined {
  const text = `${doc.title} ${doc.body?.textContent ?? ''}`;
  return texts.find((t) => text.includes(t));
}
