import type { ListingProofDatabase } from '@/utils/db/database';

// Which captures are proof of a takedown: their listing.json says so (`takedownProof`, written when
// the page showed the listing removed). The record itself does not carry it, so the case view reads
// the one small file of each of its captures.

export async function takedownCaptureIds(db: ListingProofDatabase, captureIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.artifactBlobs.bulkGet(captureIds.map((id) => `${id}/listing.json`));
  const out = new Set<string>();
  await Promise.all(
    rows.map(async (row) => {
      if (!row) return;
      try {
        const parsed: unknown = JSON.parse(await row.data.text());
        if (parsed && typeof parsed === 'object' && (parsed as { takedownProof?: unknown }).takedownProof === true) out.add(row.captureId);
      } catch {
        // an unreadable listing.json is an ordinary capture here; verification reports it
      }
    }),
  );
  return out;
}
