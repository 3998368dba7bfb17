import type { Verdict } from '@/utils/model/capture';
import type { Platform } from '@/utils/model/listing';
import { buildProductIndex, completeVerdict, matchProduct, type ProductIndex, type SellerPart, type VerdictInput } from '@/utils/authorized/matcher';
import { keyHash52 } from '@/utils/authorized/key-hash';
import { base64ToBytes } from '@/utils/encoding/base64';
import { normalise } from '@/utils/authorized/normalise';
import type { HashedSellers, SellerDigest } from '@/utils/authorized/seller-digest';

// The content script's side of the seller digest: the same rules as the matcher's sellerVerdict
// (shop id, else seller id, else normalised name; an id of a kind the platform lists but that is
// not listed means "not authorized"), answered from sorted hashes by binary search.

interface HashSets {
  shopIds: Float64Array;
  sellerIds: Float64Array;
  names: Float64Array;
}

function decode(base64: string): Float64Array {
  return new Float64Array(base64ToBytes(base64).buffer);
}

/** 'valid' / 'outside' its window / undefined when the key is not listed. */
function lookup(set: Float64Array, key: string): 'valid' | 'outside' | undefined {
  const want = keyHash52(key) * 2;
  let lo = 0;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (set[mid]! < want) lo = mid + 1;
    else hi = mid;
  }
  if (set[lo] === want) return 'outside';
  if (set[lo] === want + 1) return 'valid';
  return undefined;
}

const hit = (status: 'valid' | 'outside', by: NonNullable<Verdict['matchedBy']>): SellerPart => ({
  seller: status === 'valid' ? 'authorized' : 'expired',
  matchedBy: by,
});

export class DigestMatcher {
  private readonly platforms = new Map<Platform, HashSets>();
  private readonly products: ProductIndex;

  constructor(private readonly digest: SellerDigest) {
    for (const [platform, sets] of Object.entries(digest.platforms) as [Platform, HashedSellers][]) {
      this.platforms.set(platform, { shopIds: decode(sets.shopIds), sellerIds: decode(sets.sellerIds), names: decode(sets.names) });
    }
    this.products = buildProductIndex(digest.products);
  }

  /** True when the digest can judge results of `platform` on `day` (YYYY-MM-DD, CST); else ask the background. */
  covers(platform: Platform, day: string): boolean {
    return this.platforms.has(platform) && day === this.digest.day;
  }

  /** A keyword of the list's first product: a made-up title holding it takes the product path. */
  sampleKeyword(): string | undefined {
    return this.digest.products.find((p) => p.keywords.length)?.keywords[0];
  }

  coversPlatform(platform: Platform): boolean {
    return this.platforms.has(platform);
  }

  private seller(input: Omit<VerdictInput, 'at'>): SellerPart {
    if (this.digest.sellerCount === 0) return { seller: 'unknown' };
    const sets = this.platforms.get(input.platform)!;
    const shopId = input.shopId?.trim();
    const sellerId = input.sellerId?.trim();
    if (shopId) {
      const status = lookup(sets.shopIds, shopId);
      if (status) return hit(status, 'shopId');
      if (sets.shopIds.length) return { seller: 'unauthorized' };
    }
    if (sellerId) {
      const status = lookup(sets.sellerIds, sellerId);
      if (status) return hit(status, 'sellerId');
      if (sets.sellerIds.length) return { seller: 'unauthorized' };
    }
    const name = normalise(input.shopName ?? '');
    if (!name) return shopId || sellerId ? { seller: 'unauthorized' } : { seller: 'unknown' };
    const status = lookup(sets.names, name);
    return status ? hit(status, 'shopName') : { seller: 'unauthorized' };
  }

  /** The verdict the background would give; call only for a platform this digest covers. */
  verdict(input: Omit<VerdictInput, 'at'>): Verdict {
    return completeVerdict(this.digest.meta, this.seller(input), matchProduct(this.products, input), input.lowestPriceFen);
  }
}
