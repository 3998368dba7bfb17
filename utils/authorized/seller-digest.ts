import type { AuthorizedProduct } from '@/utils/model/authorized-list';
import type { Platform } from '@/utils/model/listing';
import { inWindow, namesOf, type AuthorizedIndex, type ListMeta } from '@/utils/authorized/matcher';
import { keyHash52 } from '@/utils/authorized/key-hash';
import { bytesToBase64 } from '@/utils/encoding/base64';
import { cstDay } from '@/utils/authorized/normalise';

// What a search page needs to judge its results without a round trip to the background (badges
// within a frame of the results appearing): per platform, the hashed seller keys of the list with
// one bit each, "valid on `day`", and the products. Hashes keep it small (8 bytes a key, whatever
// the name's length); the item page and every capture still use the exact index.

export interface HashedSellers {
  /** base64 of a sorted Float64Array of keyHash52(key) * 2 + (valid on `day` ? 1 : 0) */
  shopIds: string;
  sellerIds: string;
  names: string;
}

export interface SellerDigest {
  /** the China Standard Time day the validity bits hold for */
  day: string;
  meta: ListMeta;
  sellerCount: number;
  /** only the platforms asked for; a platform without sellers in the list has empty sets */
  platforms: Partial<Record<Platform, HashedSellers>>;
  products: AuthorizedProduct[];
}

function packed(entries: Iterable<[string, boolean]>): string {
  const values: number[] = [];
  for (const [key, valid] of entries) values.push(keyHash52(key) * 2 + (valid ? 1 : 0));
  const sorted = Float64Array.from(values).sort();
  return bytesToBase64(new Uint8Array(sorted.buffer));
}

function* statuses<T>(map: Map<string, T>, valid: (v: T) => boolean): Iterable<[string, boolean]> {
  for (const [key, value] of map) yield [key, valid(value)];
}

export function buildSellerDigest(index: AuthorizedIndex, platforms: readonly Platform[], at: Date): SellerDigest {
  const day = cstDay(at);
  const digest: SellerDigest = { day, meta: index.meta, sellerCount: index.sellerCount, platforms: {}, products: index.products };
  for (const platform of new Set(platforms)) {
    const ps = index.platforms.get(platform);
    if (!ps) {
      digest.platforms[platform] = { shopIds: '', sellerIds: '', names: '' };
      continue;
    }
    digest.platforms[platform] = {
      shopIds: packed(statuses(ps.byShopId, (s) => inWindow(s, day))),
      sellerIds: packed(statuses(ps.bySellerId, (s) => inWindow(s, day))),
      // Sellers sharing a name: the name is valid when any of them is (as the matcher's `found`).
      names: packed(statuses(namesOf(ps), (v) => (Array.isArray(v) ? v.some((s) => inWindow(s, day)) : inWindow(v, day)))),
    };
  }
  return digest;
}
