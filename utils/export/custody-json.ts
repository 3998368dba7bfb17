import { z } from 'zod';
import type { CustodyRecord } from '@/utils/db/database';
import { GENESIS_HASH } from '@/utils/evidence/custody';

// custody.json: the custody entries of the packaged captures, with what a reader needs to
// recompute every entry's hash without this software.

export const CUSTODY_FORMAT = 'listingproof-custody';

export const custodyEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int().positive(),
  at: z.string(),
  event: z.enum(['capture', 'note', 'view', 'export', 'uploaded']),
  captureId: z.string(),
  actor: z.string(),
  detail: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

export const custodyFileSchema = z.object({
  format: z.literal(CUSTODY_FORMAT),
  formatVersion: z.literal(1),
  hash: z.string(),
  head: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }),
  entries: z.array(custodyEntrySchema),
});

export function custodyJson(entries: readonly CustodyRecord[], head: { seq: number; hash: string }): string {
  const file: z.infer<typeof custodyFileSchema> = {
    format: CUSTODY_FORMAT,
    formatVersion: 1,
    hash: `SHA-256 over the RFC 8785 canonical JSON of the entry without "hash"; prevHash is the previous entry's hash, ${GENESIS_HASH} for the first. Entries of other captures are not included, so only adjacent entries can be linked.`,
    head,
    entries: entries.map(({ id, seq, at, event, captureId, actor, detail, prevHash, hash }) => ({ id, seq, at, event, captureId, actor, detail, prevHash, hash })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
