import type { ListingProofDatabase } from '@/utils/db/database';
import { appendCustody } from '@/utils/evidence/custody';
import { md5Base64, sha256Hex } from '@/utils/locker/checksums';
import { presentKeys } from '@/utils/locker/present-keys';
import { backoffMs, dueFiles, enqueueMissingCaptures } from '@/utils/locker/queue';
import type { LockerQueueRecord } from '@/utils/locker/queue-record';
import { retainUntil } from '@/utils/locker/retention';
import { LockerError } from '@/utils/locker/s3-request';
import { isLockerSet, type LockerSettings } from '@/utils/locker/settings';
import { lockerTarget, objectKey } from '@/utils/locker/target';
import { MULTIPART_ABOVE, uploadLockedFile } from '@/utils/locker/upload-object';
import type { CaptureRecord } from '@/utils/model/capture';

// One pass over the queue: every due file, two at a time (a capture's bytes are read file by file,
// never all at once). An outage stops the pass and backs the file off; a refusal of the whole
// bucket (access denied, no such bucket) fails every waiting file until the settings change.

export interface LockerRunDeps {
  db: ListingProofDatabase;
  settings: LockerSettings;
  keyId: string;
  actor: string;
  now?: () => Date;
}

export interface LockerRunResult {
  uploaded: number;
  present: number;
  failed: number;
  /** set when the pass stopped early or a file was refused */
  problem?: { kind: 'outage' | 'refused'; message: string };
}

interface DoneObject {
  path: string;
  key: string;
  versionId: string;
  etag: string;
  sha256: string;
  outcome: 'uploaded' | 'present';
}

const BATCH = 25;
const LANES = 2;
const BUCKET_WIDE = new Set(['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'NoSuchBucket', 'InvalidBucketName', 'AllAccessDisabled']);

/** For files added after the capture (not in its artifact list), e.g. seal.json, seal.tsr. */
function mediaTypeOf(path: string): string {
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.tsr')) return 'application/timestamp-reply';
  return 'application/octet-stream';
}

/**
 * The stored file, hashed: SHA-256 (checked against the record) and MD5 computed over one read of
 * its bytes, which are then dropped; the upload sends the stored Blob itself. Only a file large
 * enough for multipart keeps its bytes (its parts are sliced from them).
 */
async function fileToUpload(db: ListingProofDatabase, row: LockerQueueRecord, capture: CaptureRecord) {
  const blob = await db.artifactBlobs.get(row.id);
  if (!blob) throw new LockerError('refused', `${row.path} of capture ${row.captureId} has no stored bytes`);
  const bytes = new Uint8Array(await blob.data.arrayBuffer());
  const sha256 = await sha256Hex(bytes);
  const recorded = capture.artifacts.find((a) => a.path === row.path);
  // the hash recorded at capture time is the evidence: bytes that no longer match it never go up
  if (recorded && recorded.sha256 !== sha256)
    throw new LockerError('refused', `${row.path} of capture ${row.captureId} no longer matches its recorded SHA-256`);
  const large = bytes.byteLength > MULTIPART_ABOVE;
  return {
    sha256,
    mediaType: recorded?.mediaType ?? mediaTypeOf(row.path),
    body: blob.data,
    ...(large ? { bytes } : { contentMd5: md5Base64(bytes) }),
  };
}

export async function runLockerQueue(deps: LockerRunDeps): Promise<LockerRunResult> {
  const { db, settings, keyId, actor } = deps;
  const now = deps.now ?? (() => new Date());
  const result: LockerRunResult = { uploaded: 0, present: 0, failed: 0 };
  if (!isLockerSet(settings)) return result;
  await enqueueMissingCaptures(db);
  const target = lockerTarget(settings);
  const done = new Map<string, DoneObject[]>();
  const captures = new Map<string, CaptureRecord | undefined>();
  // one listing of each capture's folder per pass instead of a HEAD before every file
  const present = new Map<string, Promise<Set<string>>>();
  const presentIn = (captureId: string) => {
    let keys = present.get(captureId);
    if (!keys) present.set(captureId, (keys = presentKeys(target, objectKey(keyId, captureId, ''))));
    return keys;
  };
  /** Uploads one file; false when the pass must stop (outage, or the whole bucket refused). */
  const handle = async (row: LockerQueueRecord): Promise<boolean> => {
    if (!captures.has(row.captureId)) captures.set(row.captureId, await db.captures.get(row.captureId));
    const capture = captures.get(row.captureId);
    try {
      if (!capture) throw new LockerError('refused', `capture ${row.captureId} is no longer stored`);
      const key = objectKey(keyId, row.captureId, row.path);
      const [file, there] = await Promise.all([fileToUpload(db, row, capture), presentIn(row.captureId)]);
      const knownAbsent = !there.has(key);
      const out = await uploadLockedFile(target, { key, ...file, knownAbsent, retainUntil: retainUntil(capture.capturedAt, settings.retentionDays, now()) });
      there.add(key); // a later file of this pass at the same key (none expected) is HEADed first
      await db.lockerQueue.update(row.id, { state: 'uploaded', attempts: 0, notBefore: 0, error: undefined, key, versionId: out.versionId, etag: out.etag });
      result[out.outcome === 'uploaded' ? 'uploaded' : 'present']++;
      const list = done.get(row.captureId) ?? [];
      list.push({ path: row.path, key, versionId: out.versionId, etag: out.etag, sha256: file.sha256, outcome: out.outcome });
      done.set(row.captureId, list);
      return true;
    } catch (err) {
      const e = err instanceof LockerError ? err : new LockerError('outage', err instanceof Error ? err.message : String(err));
      if (e.kind === 'outage') {
        await db.lockerQueue.update(row.id, { attempts: row.attempts + 1, notBefore: now().getTime() + backoffMs(row.attempts + 1), error: e.message });
        result.problem = { kind: 'outage', message: e.message };
        return false;
      }
      result.problem = { kind: 'refused', message: e.message };
      if (e.code && BUCKET_WIDE.has(e.code)) {
        result.failed += await db.lockerQueue.where('state').equals('pending').modify({ state: 'failed', error: e.message });
        return false;
      }
      await db.lockerQueue.update(row.id, { state: 'failed', error: e.message });
      result.failed++;
      return true;
    }
  };
  try {
    for (;;) {
      // rows leave `pending` as they are handled, so each batch is fresh work
      const batch = await dueFiles(db, now().getTime(), BATCH);
      if (!batch.length) break;
      let next = 0;
      let stop = false;
      // two files in flight: one's reading, hashing and CORS preflight overlap the other's transfer
      const lane = async () => {
        while (!stop && next < batch.length) if (!(await handle(batch[next++]!))) stop = true;
      };
      await Promise.all(Array.from({ length: LANES }, lane));
      if (stop) return result;
    }
    return result;
  } finally {
    // the custody log says where each file went: key, version id and ETag (contract §6.5)
    const locker = `${target.origin}/${target.bucket}`;
    for (const [captureId, objects] of done) {
      await appendCustody(db, { event: 'uploaded', captureId, actor, detail: JSON.stringify({ locker, objects }) }, now());
    }
  }
}
