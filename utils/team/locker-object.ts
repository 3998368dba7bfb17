import { sha256Hex } from '@/utils/locker/checksums';
import { LockerError, sendCall } from '@/utils/locker/s3-request';
import { objectUrl, type LockerTarget } from '@/utils/locker/target';

// One object of the team locker, read back and checked on the way: its bytes must hash to the
// `x-amz-meta-sha256` it was stored with, or it is refused, naming the key.

export interface CheckedObject {
  bytes: Uint8Array;
  sha256: string;
  versionId: string;
  /** the Content-Type it was stored with */
  mediaType: string;
}

/** The object at `key`; with `optional`, undefined when there is none (404). */
export async function readCheckedObject(t: LockerTarget, key: string, optional = false): Promise<CheckedObject | undefined> {
  const res = await sendCall(t.keys, { method: 'GET', url: objectUrl(t, key) }, `reading ${key}`, optional ? [404] : []);
  if (res.status === 404) {
    await res.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const sha256 = await sha256Hex(bytes);
  const stored = res.headers.get('x-amz-meta-sha256') ?? '';
  if (sha256 !== stored) throw new LockerError('refused', `${key}: its bytes hash to ${sha256}, but it was stored with sha256 ${stored || '(none)'}`);
  return { bytes, sha256, versionId: res.headers.get('x-amz-version-id') ?? '', mediaType: res.headers.get('content-type') || 'application/octet-stream' };
}
