import type { Platform } from '@/utils/model/listing';

/**
 * What the rest of the extension needs to know of a marketplace without its page readers: its id,
 * the names people write for it, its hosts and how its item links name the item. Kept light so
 * models, chat readers and evidence code can use it without loading any adapter.
 */
export interface PlatformFacts {
  id: Platform;
  /** names people write for it in authorized lists (淘宝, 天猫…), besides the id */
  aliases: readonly string[];
  /** a host of its pages (listing, search, chat) */
  isHost(host: string): boolean;
  /** the item id a link to one of its item pages carries (any of its hosts), undefined otherwise */
  itemIdFromLink(url: URL): string | undefined;
  /** whether its shops have a seller id beside the shop id (Pinduoduo: only the mall id) */
  hasSellerId: boolean;
}

/** `name=<digits>` from a URL's query, at most 20 digits. */
export function numericParam(url: URL, name: string): string | undefined {
  return /^\d{1,20}$/.exec(url.searchParams.get(name) ?? '')?.[0];
}
