import { md5Base64 } from '@/utils/locker/checksums';
import { multipartUpload, PART_BYTES, type StoredObject } from '@/utils/locker/multipart';
import { LockerError, sendSigned, signCall, startCall } from '@/utils/locker/s3-request';
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

type Existing = (StoredObject & { sha256: string }) | undefined;

function existing(res: Response): Existing {
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
  const head = await startCall(t.keys, { method: 'HEAD', url: objectUrl(t, file.key) }, `checking ${file.key}`, [404]);
  const multipart = file.bytes.length > MULTIPART_ABOVE;
  const headers = lockHeaders(file);
  // the MD5 pass and the PUT's signature are the upload's CPU cost: do them while the HEAD is on the way
  const put = multipart
    ? undefined
    : signCall(t.keys, {
        method: 'PUT',
        url: objectUrl(t, file.key),
        headers: { ...headers, 'Content-MD5': md5Base64(file.bytes) },
        body: file.bytes,
        payloadSha256: file.sha256,
      });
  put?.catch(() => undefined); // not awaited when the file is already there
  const there = existing(await head.answer);
  if (there) {
    if (there.sha256 === file.sha256) return { outcome: 'present', versionId: there.versionId, etag: there.etag };
    throw new LockerError(
      'refused',
      `a different file is already in the locker at ${file.key} (sha256 ${there.sha256 || 'unknown'}, ours ${file.sha256}); nothing was overwritten`,
      409,
      'DifferentObjectAtKey',
    );
  }
  if (!put) return { outcome: 'uploaded', ...(await multipartUpload(t, file.key, file.bytes, headers)) };
  const res = await sendSigned(await put, `uploading ${file.key}`).answer;
  return { outcome: 'uploaded', versionId: res.headers.get('x-amz-version-id') ?? '', etag: res.headers.get('ETag') ?? '' };
}
