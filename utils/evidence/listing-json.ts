import { formatFen } from '@/utils/marketplaces/price';
import type { Verdict } from '@/utils/model/capture';
import type { FenRange, Listing, ListingSources } from '@/utils/model/listing';

// listing.json: everything the extractor found, with where each field came from, the prices as
// the page showed them, and the verdict with the authorized list it was made against. Facts
// only: the verdict says what the list says, nothing more.

export interface ExtractionInput {
  listing: Listing;
  sources: ListingSources;
  warnings: string[];
  extractorVersion: string;
}

export interface ListingJsonInput {
  captureId: string;
  capturedAt: string;
  requestedUrl: string;
  finalUrl: string;
  pageTitle: string;
  extraction: ExtractionInput;
  verdict: Verdict;
  lowestPrice: string;
  investigator: string;
}

/** "199.00" for a single price, "149.00-159.00" for a range. */
export function yuanRange(range: FenRange | undefined): string | undefined {
  if (!range) return undefined;
  return range.min === range.max ? formatFen(range.min) : `${formatFen(range.min)}-${formatFen(range.max)}`;
}

export function buildListingJson(input: ListingJsonInput) {
  const { listing, sources, warnings, extractorVersion } = input.extraction;
  const { list, promo, coupon, group } = listing.prices;
  return {
    format: 'listingproof-listing',
    formatVersion: 1,
    captureId: input.captureId,
    capturedAt: input.capturedAt,
    investigator: input.investigator,
    url: { requested: input.requestedUrl, final: input.finalUrl },
    /** the page showed the listing taken down: this capture proves the takedown (contract §6.1) */
    ...(listing.takedown ? { takedownProof: true } : {}),
    pageTitle: input.pageTitle,
    platform: listing.platform,
    itemId: listing.itemId,
    title: listing.title,
    shop: { name: listing.shop.name, id: listing.shop.id ?? '', sellerId: listing.shop.sellerId ?? '' },
    prices: {
      currency: 'CNY',
      /** as shown on the page, in yuan; a range where SKUs differ */
      shown: { list: yuanRange(list), promo: yuanRange(promo), coupon: yuanRange(coupon), group: yuanRange(group) },
      lowest: input.lowestPrice,
    },
    skus: listing.skus.map((s) => ({
      id: s.id,
      name: s.name,
      price: s.priceFen === undefined ? undefined : formatFen(s.priceFen),
      promo: s.promoFen === undefined ? undefined : formatFen(s.promoFen),
      coupon: s.couponFen === undefined ? undefined : formatFen(s.couponFen),
      stock: s.stock,
      memberOnly: s.memberOnly,
    })),
    verdict: input.verdict,
    extractor: { version: extractorVersion, sources, warnings },
    /** the extractor's output unchanged (prices in integer fen) */
    listing,
  };
}

export type ListingJson = ReturnType<typeof buildListingJson>;

export function listingJsonText(input: ListingJsonInput): string {
  return `${JSON.stringify(buildListingJson(input), null, 2)}\n`;
}
