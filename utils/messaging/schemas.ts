import { z } from 'zod';
import { fieldSourceSchema, listingSchema, platformSchema, skuSchema } from '@/utils/model/listing';

// One zod schema per message payload. Message names say their direction:
// content* = content script -> background, page* = extension page -> background,
// tab* = background -> content script.

const id = z.string().max(64);
const text = z.string().max(2000);

/** What the background needs of a listing to judge it. */
export const verdictQuerySchema = z.object({
  platform: platformSchema,
  itemId: id,
  title: text,
  shopName: text,
  shopId: id.optional(),
  sellerId: id.optional(),
  lowestPriceFen: z.number().int().nonnegative().optional(),
});
export type VerdictQuery = z.infer<typeof verdictQuerySchema>;

export const contentVerdictsSchema = z.object({ queries: z.array(verdictQuerySchema).max(500) });
/** A search page asks for the seller digest of the platforms its results can be on. */
export const contentSellerDigestSchema = z.object({ platforms: z.array(platformSchema).min(1).max(4) });
export const contentBadgeCountSchema = z.object({
  unauthorized: z.number().int().nonnegative(),
  belowMin: z.number().int().nonnegative(),
});

/** Bounds of a listing sent from a page: a page cannot make the background hold unbounded data. */
export const LISTING_LIMITS = { skus: 2_000, images: 200, url: 8_000, sources: 32 } as const;
const url = z.string().max(LISTING_LIMITS.url);

/** The listing as a content script sends it: the model's shape with every string and list bounded. */
export const listingPayloadSchema = listingSchema.safeExtend({
  itemId: id.min(1),
  url,
  title: text.min(1),
  shop: listingSchema.shape.shop.extend({
    // empty where the page gives only the shop id (JD self-operated pages)
    name: text,
    id: id.optional(),
    sellerId: id.optional(),
    sellerNick: text.optional(),
    url: url.optional(),
  }),
  skus: z.array(skuSchema.extend({ id, name: text.optional() })).max(LISTING_LIMITS.skus),
  images: z.array(url).max(LISTING_LIMITS.images),
  salesText: text.optional(),
  brand: text.optional(),
});

export const contentStartCaptureSchema = z.object({
  /** the extraction as the content script made it; the background re-validates the listing */
  extraction: z.object({
    listing: listingPayloadSchema,
    sources: z.record(z.string().max(40), fieldSourceSchema).refine((r) => Object.keys(r).length <= LISTING_LIMITS.sources, 'too many fields'),
    warnings: z.array(text).max(200),
    extractorVersion: id,
  }),
  pageTitle: text,
  /** URL the page was requested at (before redirects), as the content script saw it first */
  requestedUrl: z.string().max(4000),
});
export type ContentStartCapture = z.infer<typeof contentStartCaptureSchema>;

export const captureProgressSchema = z.object({
  state: z.enum(['running', 'done', 'failed']),
  step: z.string().max(40).optional(),
  done: z.number().int().optional(),
  total: z.number().int().optional(),
  evidenceId: z.string().optional(),
  error: text.optional(),
});
export type CaptureProgress = z.infer<typeof captureProgressSchema>;

export const emptySchema = z.object({}).strict().optional();

/** The page-side operations of a capture (utils/evidence/page-requests.ts), plus the environment. */
export const tabCaptureRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.enum(['hideUi', 'showUi', 'serializeDom', 'metrics', 'hideFixedAndSticky', 'renderFullPage', 'environment']) }),
  z.object({ op: z.literal('scrollTo'), y: z.number().finite().nonnegative() }),
  z.object({ op: z.literal('addRenderImage'), url: z.string().max(8192), dataUrl: z.string().startsWith('data:image/') }),
]);
export type TabCaptureRequest = z.infer<typeof tabCaptureRequestSchema>;
