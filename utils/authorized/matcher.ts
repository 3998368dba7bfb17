import type { AuthorizedList, AuthorizedProduct, AuthorizedSeller } from '@/utils/model/authorized-list';
import type { Verdict } from '@/utils/model/capture';
import type { Platform } from '@/utils/model/listing';
import { KeywordIndex } from '@/utils/authorized/keyword-index';
import { cstDay, normalise } from '@/utils/authorized/normalise';

// Contract §4 matching. The index is built once per list in force; a verdict is then a few Map
// lookups plus one walk over the title, whatever the size of the list.

export interface ListMeta {
  id: string;
  updatedAt: string;
  brand: string;
}

/** One platform's sellers. Separate maps per platform spare building a composite key per row. */
export interface PlatformSellers {
  byShopId: Map<string, AuthorizedSeller>;
  bySellerId: Map<string, AuthorizedSeller>;
  /** sellers with a name, indexed by it on first need (see namesOf) */
  named: AuthorizedSeller[];
  /** normalised name -> seller, or several when sellers with ids share a name */
  byName?: Map<string, AuthorizedSeller | AuthorizedSeller[]>;
}

/** The product half of the index; the search-page seller digest carries it too. */
export interface ProductIndex {
  products: AuthorizedProduct[];
  productsByItemId: Map<string, number[]>;
  excludes: string[][];
  keywords: KeywordIndex;
}

export interface AuthorizedIndex extends ProductIndex {
  meta: ListMeta;
  sellerCount: number;
  platforms: Map<Platform, PlatformSellers>;
}

export interface VerdictInput {
  platform: Platform;
  shopId?: string;
  sellerId?: string;
  shopName?: string;
  itemId?: string;
  title?: string;
  /** the lowest price a buyer pays now, in fen; undefined when the page does not show it */
  lowestPriceFen?: number;
  at: Date;
}

export function buildProductIndex(products: AuthorizedProduct[]): ProductIndex {
  const productsByItemId = new Map<string, number[]>();
  products.forEach((p, i) => {
    for (const id of p.itemIds) {
      const ids = productsByItemId.get(id);
      if (ids) ids.push(i);
      else productsByItemId.set(id, [i]);
    }
  });
  return {
    products,
    productsByItemId,
    excludes: products.map((p) => p.excludeKeywords.map(normalise).filter((k) => k !== '')),
    keywords: new KeywordIndex(products.map((p) => p.keywords)),
  };
}

export function buildIndex(list: Pick<AuthorizedList, 'sellers' | 'products'>, meta: ListMeta): AuthorizedIndex {
  const index: AuthorizedIndex = { meta, sellerCount: list.sellers.length, platforms: new Map(), ...buildProductIndex(list.products) };
  for (const s of list.sellers) {
    let ps = index.platforms.get(s.platform);
    if (!ps) index.platforms.set(s.platform, (ps = { byShopId: new Map(), bySellerId: new Map(), named: [] }));
    if (s.shopId) ps.byShopId.set(s.shopId, s);
    if (s.sellerId) ps.bySellerId.set(s.sellerId, s);
    if (s.shopName) ps.named.push(s);
  }
  return index;
}

/**
 * The name map of one platform, built on first use: pages nearly always give a shop id, so most
 * lists never need it, and a million names cost seconds. Call it up front to build it eagerly.
 */
export function namesOf(ps: PlatformSellers): Map<string, AuthorizedSeller | AuthorizedSeller[]> {
  if (ps.byName) return ps.byName;
  const byName = new Map<string, AuthorizedSeller | AuthorizedSeller[]>();
  for (const s of ps.named) {
    const name = normalise(s.shopName);
    if (!name) continue;
    const same = byName.get(name);
    if (same === undefined) byName.set(name, s);
    else if (Array.isArray(same)) same.push(s);
    else byName.set(name, [same, s]);
  }
  return (ps.byName = byName);
}

export function inWindow(s: AuthorizedSeller, day: string): boolean {
  return (!s.validFrom || s.validFrom <= day) && (!s.validTo || day <= s.validTo);
}

export type SellerPart = Pick<Verdict, 'seller' | 'matchedBy'>;

function found(sellers: readonly AuthorizedSeller[], by: NonNullable<Verdict['matchedBy']>, at: Date): SellerPart {
  const day = cstDay(at);
  return { seller: sellers.some((s) => inWindow(s, day)) ? 'authorized' : 'expired', matchedBy: by };
}

/**
 * Shop id first; without one, seller id; without either, the normalised name. An id the page
 * gives that is not among the ids listed for its platform means "not authorized", whatever the
 * name; only a platform whose sellers are listed without that kind of id falls back further.
 */
export function sellerVerdict(index: AuthorizedIndex, input: VerdictInput): SellerPart {
  if (index.sellerCount === 0) return { seller: 'unknown' };
  const ps = index.platforms.get(input.platform);
  const shopId = input.shopId?.trim();
  const sellerId = input.sellerId?.trim();
  if (shopId) {
    const s = ps?.byShopId.get(shopId);
    if (s) return found([s], 'shopId', input.at);
    if (ps?.byShopId.size) return { seller: 'unauthorized' };
  }
  if (sellerId) {
    const s = ps?.bySellerId.get(sellerId);
    if (s) return found([s], 'sellerId', input.at);
    if (ps?.bySellerId.size) return { seller: 'unauthorized' };
  }
  const name = normalise(input.shopName ?? '');
  if (!name) return shopId || sellerId ? { seller: 'unauthorized' } : { seller: 'unknown' };
  const byName = ps ? namesOf(ps).get(name) : undefined;
  return byName ? found(Array.isArray(byName) ? byName : [byName], 'shopName', input.at) : { seller: 'unauthorized' };
}

/** Products matching by item id, or by keyword without an exclude keyword; the highest minimum wins. */
export function matchProduct(index: ProductIndex, input: Pick<VerdictInput, 'itemId' | 'title'>): AuthorizedProduct | undefined {
  const candidates = new Set<number>(input.itemId ? (index.productsByItemId.get(input.itemId.trim()) ?? []) : []);
  const title = normalise(input.title ?? '');
  if (title) {
    for (const p of index.keywords.productsIn(title)) {
      if (!index.excludes[p]!.some((x) => title.includes(x))) candidates.add(p);
    }
  }
  let best: AuthorizedProduct | undefined;
  for (const i of candidates) {
    const p = index.products[i]!;
    if (!best || p.minPriceFen > best.minPriceFen) best = p;
  }
  return best;
}

/** The verdict for one listing (contract §1/§4); without a list both parts are `unknown`. */
export function verdictFor(index: AuthorizedIndex | undefined, input: VerdictInput): Verdict {
  if (!index) return { seller: 'unknown', price: 'unknown' };
  return completeVerdict(index.meta, sellerVerdict(index, input), matchProduct(index, input), input.lowestPriceFen);
}

/** The seller part plus the price part and the list it came from. */
export function completeVerdict(meta: ListMeta, seller: SellerPart, product: AuthorizedProduct | undefined, lowestPriceFen: number | undefined): Verdict {
  const verdict: Verdict = { ...seller, price: 'no-rule', listId: meta.id, listUpdatedAt: meta.updatedAt, listBrand: meta.brand };
  if (product) {
    verdict.productCode = product.code;
    verdict.minPrice = product.minPrice;
    verdict.price = lowestPriceFen === undefined ? 'unknown' : lowestPriceFen < product.minPriceFen ? 'below-min' : 'ok';
  }
  return verdict;
}
