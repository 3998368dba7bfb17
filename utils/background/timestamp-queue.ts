import type { ListingProofDatabase } from '@/utils/db/database';
import { appendCustody } from '@/utils/evidence/custody';
import { sha256Bytes } from '@/utils/export/digest';
import { SEAL_PATH, SEAL_TOKEN_PATH, type TimestampRecord } from '@/utils/model/trust';
import type { StampOutcome, TsaEndpoint } from '@/utils/trust/tsp-client';

// The timestamp queue: every sealed capture has a row that stays `pending` until a TSA answers.
// A stamp is asked for right after the capture is stored and again, with backoff, whenever the
// queue runs (alarm, browser start, "retry now"). A token is kept as it comes: its genTime is
// the TSA's, so a late token shows a late time; nothing is ever dated back.

export interface StampDeps {
  db: ListingProofDatabase;
  request: (digest: Uint8Array, tsas: TsaEndpoint[]) => Promise<StampOutcome>;
  tsas: () => Promise<TsaEndpoint[]>;
  now: () => Date;
  /** who the custody entry names when a token arrives */
  actor: () => Promise<string>;
  /** told once a token is stored (the team locker uploads it) */
  onStamped?: (captureId: string) => void;
}

export interface QueueRun {
  stamped: number;
  pending: number;
  failed: number;
}

const MAX_BACKOFF_MS = 5 * 60_000;

/** 30 s, 1, 2, 4 min, then every 5 min: an outage is retried at least every five minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** Math.max(0, attempts - 1));
}

// One request per capture at a time: the post-capture stamp and a queue run may meet.
const inFlight = new Map<string, Promise<TimestampRecord | undefined>>();

export function stampCapture(deps: StampDeps, captureId: string): Promise<TimestampRecord | undefined> {
  let running = inFlight.get(captureId);
  if (!running) {
    running = attemptStamp(deps, captureId).finally(() => inFlight.delete(captureId));
    inFlight.set(captureId, running);
  }
  return running;
}

async function attemptStamp(deps: StampDeps, captureId: string): Promise<TimestampRecord | undefined> {
  const { db } = deps;
  const row = await db.timestamps.get(captureId);
  if (!row || row.status !== 'pending') return row;
  const sealBlob = (await db.artifactBlobs.get(`${captureId}/${SEAL_PATH}`))?.data;
  const sealBytes = sealBlob ? new Uint8Array(await sealBlob.arrayBuffer()) : undefined;
  // The token must cover the seal as stored at capture; a seal that changed is never stamped.
  if (!sealBytes || (await sha256Bytes(sealBytes)) !== row.sealSha256) {
    return settle(deps, row, { status: 'failed', reason: `${SEAL_PATH} is missing or no longer matches the hash recorded when the capture was stored` });
  }
  const tsas = await deps.tsas();
  let outcome: StampOutcome;
  if (!tsas.length) outcome = { status: 'pending', reason: 'no TSA is set in the dashboard settings, or none has been given host access' };
  else {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', sealBytes as Uint8Array<ArrayBuffer>));
    try {
      outcome = await deps.request(digest, tsas);
    } catch (err) {
      outcome = { status: 'pending', reason: err instanceof Error ? err.message : String(err) };
    }
  }
  return settle(deps, row, outcome);
}

async function settle(deps: StampDeps, row: TimestampRecord, outcome: StampOutcome): Promise<TimestampRecord> {
  const { db } = deps;
  const now = deps.now();
  const attempts = row.attempts + 1;
  let next: TimestampRecord;
  if (outcome.status === 'stamped') {
    const { lastError: _e, ...rest } = row;
    next = {
      ...rest,
      status: 'stamped',
      attempts,
      tsa: outcome.tsa,
      genTime: outcome.genTime,
      serial: outcome.serial,
      tsrSha256: await sha256Bytes(outcome.tsr),
      tsrBytes: outcome.tsr.byteLength,
      receivedAt: now.toISOString(),
    };
    const data = new Blob([outcome.tsr as Uint8Array<ArrayBuffer>], { type: 'application/timestamp-reply' });
    await db.transaction('rw', db.timestamps, db.artifactBlobs, async () => {
      await db.artifactBlobs.put({ id: `${row.captureId}/${SEAL_TOKEN_PATH}`, captureId: row.captureId, data });
      await db.timestamps.put(next);
    });
    await appendCustody(
      db,
      {
        event: 'note',
        captureId: row.captureId,
        actor: await deps.actor(),
        detail: `${SEAL_TOKEN_PATH} from ${outcome.tsa}: genTime ${outcome.genTime}, serial ${outcome.serial}, over ${SEAL_PATH} sha256 ${row.sealSha256}`,
      },
      now,
    );
    deps.onStamped?.(row.captureId);
    return next;
  }
  if (outcome.status === 'failed') next = { ...row, status: 'failed', attempts, lastError: outcome.reason };
  else next = { ...row, attempts, lastError: outcome.reason, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)).toISOString() };
  await db.timestamps.put(next);
  return next;
}

/**
 * Asks for every pending stamp whose backoff has run out (`all`: every pending one, as on
 * browser start or "retry now"), one after another so a slow TSA is not flooded.
 */
export async function stampDue(deps: StampDeps, options: { all?: boolean } = {}): Promise<QueueRun> {
  const now = deps.now().toISOString();
  const rows = await deps.db.timestamps.where('status').equals('pending').toArray();
  const due = rows.filter((r) => options.all || r.nextAttemptAt <= now);
  const run: QueueRun = { stamped: 0, pending: 0, failed: 0 };
  for (const row of due) {
    const after = await stampCapture(deps, row.captureId);
    if (after) run[after.status]++;
  }
  return run;
}
