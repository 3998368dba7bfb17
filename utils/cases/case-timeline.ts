import type { CaptureRecord, CaseRecord } from '@/utils/model/capture';
import type { CaseStatusChange } from '@/utils/model/case-status';

// A case's history in one list: its captures (a capture of a taken-down page is a takedown) and
// its status changes, oldest first, so the view reads as the case happened.

export type TimelineEntry =
  | { kind: 'capture' | 'takedown'; at: string; capture: CaptureRecord }
  | { kind: 'status'; at: string; change: CaseStatusChange; from: CaseStatusChange['status'] };

export function caseTimeline(
  c: Pick<CaseRecord, 'statusHistory'>,
  captures: readonly CaptureRecord[],
  takedownIds: ReadonlySet<string> = new Set(),
): TimelineEntry[] {
  const entries: TimelineEntry[] = captures.map((capture) => ({ kind: takedownIds.has(capture.id) ? 'takedown' : 'capture', at: capture.capturedAt, capture }));
  let from: CaseStatusChange['status'] = 'found';
  for (const change of c.statusHistory ?? []) {
    entries.push({ kind: 'status', at: change.at, change, from });
    from = change.status;
  }
  // capture times carry their own offset: compare instants, not strings (stable sort keeps ties in order)
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
