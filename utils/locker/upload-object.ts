import { md5Base64 } from '@/utils/locker/checksums';
import { multipartUpload, PART_BYTES, type StoredObject } from '@/utils/locker/multipart';
import { LockerError, sendCall } from '@/utils/locker/s3-request';
import { objectUrl, type LockerTarget } from '@/utils/locker/target';

// One evidence file into the locker, write-once: HEAD first; the same file already there is
// confirmed (no second version), a different one at the same key is refused and reported; else
// PUT with x-amz-meta-sha256, Content-MD5, the signed SHA-256 and COMPLIANCE retention.

export interface LockedFile {
  key: string;
  bytes: Uint8Array;
  /** lowercase hex, as in the manifest */
  sha256: string;
  mediaType: string;
  /** ISO 8601 UTC */
  retainUntil: string;
}

export interface UploadOutcome extends StoredObject {
  /** `present`: the same bytes were already there (nothing written) */
  outcome: 'uploaded' | 'present';
}

export const MULTIPART_ABOVE = PART_BYTES;

export async function headObject(t: LockerTarget, key: string): Promise<(StoredObject & { sha256: string }) | undefined> {
  const res = await sendCall(t.keys, { method: 'HEAD', url: objectUrl(t, key) }, `checking ${key}`, [404]);
  if (res.status === 404) return undefined;
  return { sha256: res.headers.get('x-amz-meta-sha256') ?? '', versionId: res.headers.get('x-amz-version-id') ?? '', etag: res.headers.get('ETag') ?? '' };
}

export function lockHeaders(file: Pick<LockedFile, 'sha256' | 'mediaType' | 'retainUntil'>): Record<string, string> {
  return {
    'Content-Type': file.mediaType || 'application/octet-stream',
    'x-amz-meta-sha256': file.sha256,
    'x-amz-object-lock-mode': 'COMPLIANCE',
    'x-amz-object-lock-retain-until-date': file.retainUntil,
  };
}

export async function uploadLockedFile(t: LockerTarget, file: LockedFile): Promise<UploadOutcome> {
  const there = await headObject(t, file.key);
  if (there) {
    if (there.sha256 === file.sha256) return { outcome: 'present', versionId: there.versionId, etag: there.etag };
    throw new LockerError('refused', `a different file is already in the locker at ${file.key} (sha256 ${there.sha256 || 'unknown'}, ours ${file.sha256}); nothing was overwritten`, 409, 'DifferentObjectAtKey');
  }
  const headers = lockHeaders(file);
  if (file.bytes.length > MULTIPART_ABOVE) return { outcome: 'uploaded', ...(await multipartUpload(t, file.key, file.bytes, headers)) };
  const res = await sendCall(
    t.keys,
    { method: 'PUT', url: objectUrl(t, file.key), headers: { ...headers, 'Content-MD5': md5Base64(file.bytes) }, body: file.bytes, payloadSha256: file.sha256 },
    `uploading ${file.key}`,
  );
  return { outcome: 'uploaded', versionId: res.headers.get('x-amz-version-id') ?? '', etag: res.headers.get('ETag') ?? '' };
}
