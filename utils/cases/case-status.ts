import type { ListingProofDatabase } from '@/utils/db/database';
import type { CaseRecord } from '@/utils/model/capture';
import { APPEAL_RESPONSE_DAYS, caseStatusChangeSchema, statusOf, type CaseStatus, type CaseStatusChange } from '@/utils/model/case-status';
import { appendCustody } from '@/utils/evidence/custody';
import { canonicalJson } from '@/utils/export/canonical-json';

// Status changes of a case. Each one is kept on the case and written to the custody log in the
// same transaction, so the log says who moved a shop to `complained` and when.

export { statusOf };

/** The date of the latest change to `status`, or undefined. */
export function lastChangeTo(c: Pick<CaseRecord, 'statusHistory'>, status: CaseStatus): CaseStatusChange | undefined {
  return [...(c.statusHistory ?? [])].reverse().find((h) => h.status === status);
}

/** The day the right holder must act by after an appeal (15 days), while the case is `appealed`. */
export function appealDeadline(c: Pick<CaseRecord, 'status' | 'statusHistory'>): Date | undefined {
  if (statusOf(c) !== 'appealed') return undefined;
  const appealed = lastChangeTo(c, 'appealed');
  return appealed ? new Date(Date.parse(appealed.at) + APPEAL_RESPONSE_DAYS * 86_400_000) : undefined;
}

/** Whole days left until `deadline` (negative once it has passed). */
export function daysLeft(deadline: Date, now: Date = new Date()): number {
  return Math.ceil((deadline.getTime() - now.getTime()) / 86_400_000);
}

export interface StatusChangeInput {
  status: CaseStatus;
  complaintNo?: string;
  channel?: CaseStatusChange['channel'];
  note?: string;
  actor: string;
}

/** Sets a case's status; throws when there is no such case or the input is invalid. */
export async function setCaseStatus(db: ListingProofDatabase, caseId: string, input: StatusChangeInput, now: Date = new Date()): Promise<CaseRecord> {
  const change = caseStatusChangeSchema.parse({
    status: input.status,
    at: now.toISOString(),
    ...(input.complaintNo?.trim() ? { complaintNo: input.complaintNo.trim() } : {}),
    ...(input.channel ? { channel: input.channel } : {}),
    ...(input.note?.trim() ? { note: input.note.trim() } : {}),
  });
  return db.transaction('rw', db.cases, db.custody, async () => {
    const current = await db.cases.get(caseId);
    if (!current) throw new Error(`no case ${caseId}`);
    const from = statusOf(current);
    const next: CaseRecord = { ...current, status: change.status, statusHistory: [...(current.statusHistory ?? []), change] };
    await db.cases.put(next);
    const detail = canonicalJson({ caseId, platform: current.platform, shopKey: current.shopKey, from, ...change });
    await appendCustody(db, { event: 'case-status', captureId: '', actor: input.actor, detail }, now);
    return next;
  });
}
