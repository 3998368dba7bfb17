import { LockerError, sendCall, xmlValue } from '@/utils/locker/s3-request';
import { bucketUrl, type LockerTarget } from '@/utils/locker/target';

// The dashboard's connection check: bucket-level requests only (GetBucketVersioning,
// GetObjectLockConfiguration), so a key that may only write objects under its prefix still passes
// as far as S3 lets it, and the answer says plainly what is missing.

export type LockerCheckReason = 'unreachable' | 'access-denied' | 'no-bucket' | 'versioning-off' | 'object-lock-off' | 'error';
export type LockerCheck = { ok: true } | { ok: false; reason: LockerCheckReason; detail: string };

function refusal(err: unknown): LockerCheck {
  if (!(err instanceof LockerError)) return { ok: false, reason: 'error', detail: err instanceof Error ? err.message : String(err) };
  if (err.kind === 'outage' && err.status === undefined) return { ok: false, reason: 'unreachable', detail: err.message };
  if (err.status === 403 || err.code === 'AccessDenied' || err.code === 'InvalidAccessKeyId' || err.code === 'SignatureDoesNotMatch')
    return { ok: false, reason: 'access-denied', detail: err.message };
  if (err.code === 'NoSuchBucket') return { ok: false, reason: 'no-bucket', detail: err.message };
  return { ok: false, reason: 'error', detail: err.message };
}

export async function checkLocker(t: LockerTarget): Promise<LockerCheck> {
  try {
    const versioning = await (await sendCall(t.keys, { method: 'GET', url: bucketUrl(t, '?versioning') }, 'reading the bucket versioning')).text();
    if (xmlValue(versioning, 'Status') !== 'Enabled')
      return { ok: false, reason: 'versioning-off', detail: `bucket ${t.bucket}: versioning is ${xmlValue(versioning, 'Status') ?? 'off'}` };
    const lock = await sendCall(t.keys, { method: 'GET', url: bucketUrl(t, '?object-lock') }, 'reading the Object Lock configuration', [404]);
    const lockXml = await lock.text();
    if (lock.status === 404) {
      if (xmlValue(lockXml, 'Code') === 'NoSuchBucket') return { ok: false, reason: 'no-bucket', detail: `bucket ${t.bucket} does not exist` };
      return { ok: false, reason: 'object-lock-off', detail: `bucket ${t.bucket}: Object Lock is not enabled` };
    }
    if (xmlValue(lockXml, 'ObjectLockEnabled') !== 'Enabled')
      return { ok: false, reason: 'object-lock-off', detail: `bucket ${t.bucket}: Object Lock is not enabled` };
    return { ok: true };
  } catch (err) {
    return refusal(err);
  }
}
