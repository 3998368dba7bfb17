import { z } from 'zod';
import { platformSchema } from '@/utils/model/listing';
import { priceVerdictSchema, sellerVerdictSchema } from '@/utils/model/capture';

// What the search page showed when a capture-flagged run started: each recognised result with the
// badge it got. The search page's context capture keeps it as search.json.

const itemId = z.string().regex(/^\d{1,20}$/, 'an item id is digits');

export const searchContextResultSchema = z.object({
  platform: platformSchema,
  itemId,
  title: z.string().max(2000),
  shopName: z.string().max(2000),
  shopId: z.string().max(64).optional(),
  /** the price the card showed, yuan with two decimals ('' when none) */
  price: z.string().max(32),
  verdict: z.object({ seller: sellerVerdictSchema, price: priceVerdictSchema }),
});
export type SearchContextResult = z.infer<typeof searchContextResultSchema>;

export const searchContextResultsSchema = z.array(searchContextResultSchema).max(2000);
