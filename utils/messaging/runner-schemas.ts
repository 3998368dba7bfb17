import { z } from 'zod';
import { platformSchema } from '@/utils/model/listing';
import { searchContextResultsSchema } from '@/utils/model/search-context';

// Payloads of the capture-flagged runner and re-check messages (see utils/messaging/protocol.ts).

const itemId = z.string().regex(/^\d{1,20}$/, 'an item id is digits');

/** content -> background: capture these flagged results of the sender's search page */
export const contentStartRunSchema = z.object({
  searchUrl: z.string().max(8000),
  keyword: z.string().max(500).optional(),
  items: z
    .array(z.object({ platform: platformSchema, itemId }))
    .min(1)
    .max(500),
  /** every result the page recognised with its badge, for the search page's context capture */
  results: searchContextResultsSchema.optional(),
});

export const runControlSchema = z.object({ runId: z.string().max(64), control: z.enum(['pause', 'resume', 'cancel']) });

export const runProgressSchema = z.object({
  runId: z.string().max(64),
  state: z.enum(['idle', 'running', 'paused', 'done', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  blocked: z.boolean().optional(),
});
export type RunProgress = z.infer<typeof runProgressSchema>;

/** extension page -> background: re-check these cases, or every case not closed */
export const recheckCasesSchema = z.union([
  z.object({ caseIds: z.array(z.string().max(64)).min(1).max(1000) }),
  z.object({ caseIds: z.array(z.string()).max(0).optional(), allOpen: z.literal(true) }),
]);
