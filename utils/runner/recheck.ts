import type { ListingProofDatabase } from '@/utils/db/database';
import { appendCustody } from '@/utils/evidence/custody';
import { canonicalItemUrl } from '@/utils/marketplaces/canonical-url';
import type { ContentStartCapture } from '@/utils/messaging/schemas';
import type { CaseRecheck } from '@/utils/model/capture';
import { statusOf } from '@/utils/model/case-status';
import { itemKeyOf, type RunItemRecord, type RunRecord } from '@/utils/runner/run-model';
import type { NewItem } from '@/utils/runner/run-store';

// Re-checking a case: the runner visits every listing the case has captures of (each once, at its
// canonical URL); a live listing gets a new capture, a taken-down one a takedown proof, and the
// case records what changed. The status is never changed here: `removed` is only suggested.

/** The cases to re-check: the ones named, or every case not closed. */
export async function casesToRecheck(db: ListingProofDatabase, which: string[] | 'open'): Promise<string[]> {
  if (which !== 'open') return which;
  return (await db.cases.toArray()).filter((c) => statusOf(c) !== 'closed').map((c) => c.id);
}

/** One item per distinct listing of each case, in the order the cases were given. */
export async function recheckItems(db: ListingProofDatabase, caseIds: string[]): Promise<NewItem[]> {
  const items: NewItem[] = [];
  const seen = new Set<string>();
  for (const caseId of caseIds) {
    if (!(await db.cases.get(caseId))) throw new Error(`no case ${caseId}`);
    const captures = await db.captures.where('caseId').equals(caseId).sortBy('capturedAt');
    for (const c of captures) {
      const itemKey = itemKeyOf(c.platform, c.itemId);
      if (c.kind !== 'listing' || seen.has(itemKey) || !/^\d{1,20}$/.test(c.itemId)) continue;
      seen.add(itemKey);
      items.push({ itemKey, platform: c.platform, itemId: c.itemId, url: canonicalItemUrl(c.platform, c.itemId), caseId });
    }
  }
  return items;
}

/**
 * A takedown page often names no shop any more: its proof is filed under the case being
 * re-checked, with the shop as that case's earlier capture of the same listing recorded it.
 */
export async function withCaseShop(db: ListingProofDatabase, payload: ContentStartCapture, caseId: string): Promise<ContentStartCapture> {
  const listing = payload.extraction.listing;
  if (!listing.takedown || listing.shop.name || listing.shop.id) return payload;
  const earlier = (await db.captures.where('caseId').equals(caseId).toArray()).find((c) => c.itemId === listing.itemId && c.shop.name);
  if (!earlier) return payload;
  const shop = {
    name: earlier.shop.name,
    ...(earlier.shop.id ? { id: earlier.shop.id } : {}),
    ...(earlier.shop.sellerId ? { sellerId: earlier.shop.sellerId } : {}),
  };
  const note = `shop not shown on the takedown page: recorded as in the earlier capture ${earlier.id}`;
  return { ...payload, extraction: { ...payload.extraction, listing: { ...listing, shop }, warnings: [...payload.extraction.warnings, note] } };
}

/** What one case's re-check found. */
export function recheckOf(run: Pick<RunRecord, 'id'>, items: RunItemRecord[], caseId: string, at: string): CaseRecheck {
  const mine = items.filter((i) => i.caseId === caseId);
  const live = mine.filter((i) => i.outcome === 'live').map((i) => i.itemKey);
  const removed = mine.filter((i) => i.outcome === 'removed').map((i) => i.itemKey);
  return { runId: run.id, at, live, removed, suggestRemoved: mine.length > 0 && removed.length === mine.length };
}

/** Writes each case's re-check on the case, and a custody note saying what changed. */
export async function recordRecheck(db: ListingProofDatabase, run: RunRecord, items: RunItemRecord[], actor: string, now = new Date()): Promise<void> {
  for (const caseId of run.caseIds ?? []) {
    const found = recheckOf(run, items, caseId, now.toISOString());
    const failed = items.filter((i) => i.caseId === caseId && i.state !== 'done').map((i) => i.itemKey);
    await db.cases.update(caseId, { lastRecheck: found });
    const detail =
      `re-check ${run.id} of case ${caseId}: live ${found.live.join(', ') || 'none'}; taken down ${found.removed.join(', ') || 'none'}` +
      (failed.length ? `; not reached ${failed.join(', ')}` : '') +
      (found.suggestRemoved ? '; every listing is gone: status removed suggested' : '');
    await appendCustody(db, { event: 'note', captureId: '', actor, detail }, now);
  }
}
