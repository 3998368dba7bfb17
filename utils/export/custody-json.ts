import { z } from 'zod';
import { CUSTODY_EVENTS } from '@/utils/model/custody-event';
import type { CustodyRecord } from '@/utils/db/database';
import { GENESIS_HASH } from '@/utils/evidence/custody';

// custody.json: the custody entries of the packaged captures, with what a reader needs to
// recompute every entry's hash without this software.

export const CUSTODY_FORMAT = 'listingproof-custody';

export const custodyEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int().positive(),
  at: z.string(),
  event: z.enum(CUSTODY_EVENTS),
  captureId: z.string(),
  actor: z.string(),
  detail: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

/** An entry of another capture, as its place in the chain only: what links the packaged entries to each other and to the head. */
export const custodyLinkSchema = z.object({
  seq: z.number().int().positive(),
  prevHash: z.string(),
  hash: z.string(),
});
export type CustodyLink = z.infer<typeof custodyLinkSchema>;

export const custodyFileSchema = z.object({
  format: z.literal(CUSTODY_FORMAT),
  formatVersion: z.literal(1),
  hash: z.string(),
  head: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }),
  entries: z.array(custodyEntrySchema),
  /**
   * Every other entry from the first packaged one to the head (packages from before it have none):
   * with them the chain is complete, so a removed entry shows as a gap.
   */
  links: z.array(custodyLinkSchema).optional(),
});

export function custodyJson(entries: readonly CustodyRecord[], head: { seq: number; hash: string }, links?: readonly CustodyLink[]): string {
  const file: z.infer<typeof custodyFileSchema> = {
    format: CUSTODY_FORMAT,
    formatVersion: 1,
    hash: `SHA-256 over the RFC 8785 canonical JSON of the entry without "hash"; prevHash is the previous entry's hash, ${GENESIS_HASH} for the first. Entries of other captures are in "links" as seq, prevHash and hash only: together with "entries" they run without a gap from the first entry to "head".`,
    head,
    entries: entries.map(({ id, seq, at, event, captureId, actor, detail, prevHash, hash }) => ({
      id,
      seq,
      at,
      event,
      captureId,
      actor,
      detail,
      prevHash,
      hash,
    })),
    ...(links ? { links: links.map(({ seq, prevHash, hash }) => ({ seq, prevHash, hash })) } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
