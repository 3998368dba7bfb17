import { z } from 'zod';
import { PLATFORM_IDS } from '@/utils/marketplaces/platforms';

// The shape every marketplace adapter produces. Prices are integer fen (1 yuan = 100 fen)
// so that comparisons against a brand's minimum price never meet floating-point error.

// the marketplaces are listed once, beside their adapters
export const PLATFORMS = PLATFORM_IDS;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;

export const PAGE_KINDS = ['item', 'search', 'chat'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const fieldSourceSchema = z.enum(['state', 'dom', 'url']);
export type FieldSource = z.infer<typeof fieldSourceSchema>;

const fen = z.number().int().nonnegative();
export const fenRangeSchema = z.object({ min: fen, max: fen });
export type FenRange = z.infer<typeof fenRangeSchema>;

export const skuSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  /** list price of this SKU */
  priceFen: fen.optional(),
  /** promo / activity price of this SKU, when the page shows one */
  promoFen: fen.optional(),
  /** coupon (券后) price of this SKU */
  couponFen: fen.optional(),
  /** Pinduoduo group price (拼单价) of this SKU; counts toward the lowest price */
  groupFen: fen.optional(),
  stock: z.number().int().optional(),
  /** member-only prices do not count toward the lowest price a buyer pays */
  memberOnly: z.boolean().optional(),
});
export type Sku = z.infer<typeof skuSchema>;

export const listingPricesSchema = z.object({
  /** list price (划线价 / 原价), a range when SKUs differ */
  list: fenRangeSchema.optional(),
  /** promo price the page shows now (促销价 / 到手价) */
  promo: fenRangeSchema.optional(),
  /** price after a shown coupon (券后) */
  coupon: fenRangeSchema.optional(),
  /** Pinduoduo group price (拼单价) */
  group: fenRangeSchema.optional(),
});
export type ListingPrices = z.infer<typeof listingPricesSchema>;

export const listingSchema = z
  .object({
    platform: platformSchema,
    itemId: z.string().min(1),
    url: z.string(),
    title: z.string().min(1),
    shop: z.object({
      /** empty only when the page gives the shop id but no name (JD 京东自营, contract §6.1) */
      name: z.string(),
      /** the shop id (Taobao/Tmall shopId, JD shopId, PDD mallID), not the seller id */
      id: z.string().optional(),
      /** Taobao/Tmall sellerId/userId, JD venderId; absent on Pinduoduo */
      sellerId: z.string().optional(),
      sellerNick: z.string().optional(),
      url: z.string().optional(),
      selfOperated: z.boolean().optional(),
    }),
    prices: listingPricesSchema,
    skus: z.array(skuSchema),
    images: z.array(z.string()),
    salesText: z.string().optional(),
    brand: z.string().optional(),
    /** a capture of a taken-down page (state `removed`): proof of the takedown, not of a listing */
    takedown: z.literal(true).optional(),
  })
  .refine((l) => l.shop.name !== '' || !!l.shop.id || l.takedown, { message: 'shop name or shop id required', path: ['shop', 'name'] });
export type Listing = z.infer<typeof listingSchema>;

/** Which reader each field came from; reported on every extraction. */
export type ListingSources = Partial<Record<'itemId' | 'title' | 'shopName' | 'shopId' | 'sellerId' | 'prices' | 'skus' | 'images' | 'salesText', FieldSource>>;

/** `removed`: the listing was taken down (contract §6.1); never a login wall or captcha */
export const FAILURE_REASONS = ['not-a-listing', 'login-required', 'captcha', 'layout-changed', 'removed'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** What a taken-down page (or the URL that led to it) still tells. */
export interface RemovedItem {
  platform: Platform;
  itemId?: string;
  /** what a takedown page's state still names (JD pageConfig, an off-shelf Tmall state) */
  title?: string;
  shop?: { name: string; id?: string; sellerId?: string };
}

export type ExtractionResult =
  | { ok: true; listing: Listing; warnings: string[]; sources: ListingSources }
  | { ok: false; reason: FailureReason; missing?: string[]; warnings: string[]; removed?: RemovedItem };
