import { listLockerCaptures, type LockerCaptureRef } from '@/utils/locker/list-captures';
import { LockerError } from '@/utils/locker/s3-request';
import type { LockerTarget } from '@/utils/locker/target';
import { readCheckedObject } from '@/utils/team/locker-object';
import { describeLockerCapture, type TeamCapture } from '@/utils/team/team-capture';

// The team view's list: every capture under `listingproof/` by every investigator's key, each
// described from its seal, listing and token (three small GETs, a few captures at a time). One
// capture that cannot be read is a row naming why; an unreachable locker fails the whole listing.

export type TeamRow = { ok: true; capture: TeamCapture } | { ok: false; ref: LockerCaptureRef; problem: string };

export interface TeamListProgress {
  /** captures described so far, of `total` found (total is 0 while the prefixes are being listed) */
  done: number;
  total: number;
}

const LANES = 4;

export async function listTeamCaptures(t: LockerTarget, onProgress?: (p: TeamListProgress) => void): Promise<TeamRow[]> {
  onProgress?.({ done: 0, total: 0 });
  const refs = await listLockerCaptures(t);
  const rows: TeamRow[] = new Array(refs.length);
  let next = 0;
  let done = 0;
  onProgress?.({ done, total: refs.length });
  const lane = async () => {
    while (next < refs.length) {
      const i = next++;
      const ref = refs[i]!;
      const prefix = `listingproof/${ref.keyId}/${ref.captureId}/`;
      try {
        const capture = await describeLockerCapture(ref, async (path) => (await readCheckedObject(t, prefix + path, true))?.bytes);
        rows[i] = { ok: true, capture };
      } catch (e) {
        // an outage is the whole locker's problem, not this row's
        if (e instanceof LockerError && e.kind === 'outage') throw e;
        rows[i] = { ok: false, ref, problem: e instanceof Error ? e.message : String(e) };
      }
      onProgress?.({ done: ++done, total: refs.length });
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  // newest first, as the captures view lists them
  return rows.sort((a, b) => capturedAt(b).localeCompare(capturedAt(a)));
}

function capturedAt(r: TeamRow): string {
  const t = r.ok ? Date.parse(r.capture.seal.capturedAt) : NaN;
  return Number.isNaN(t) ? '' : new Date(t).toISOString();
}
