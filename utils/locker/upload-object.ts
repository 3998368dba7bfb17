import { md5Base64 } from '@/utils/locker/checksums';
import { multipartUpload, PART_BYTES, type StoredObject } from '@/utils/locker/multipart';
import { LockerError, sendSigned, signCall, startCall } from '@/utils/locker/s3-request';
import { objectUrl, type LockerTarget } from '@/utils/locker/target';

// One evidence file into the locker, write-once: unless a listing of the capture's folder has just
// shown the key free, HEAD first; the same file already there is confirmed (no second version), a
// different one at the same key is refused and reported; else PUT with x-amz-meta-sha256,
// Content-MD5, the signed SHA-256 and COMPLIANCE retention.

export interface LockedFile {
  key: string;
  /**
   * The file's bytes. May be left out when `body` and `contentMd5` are given and the file is small
   * enough for one PUT: the queue then holds no copy of the bytes while the request is on the way.
   */
  bytes?: Uint8Array;
  /** lowercase hex, as in the manifest */
  sha256: string;
  mediaType: string;
  /** ISO 8601 UTC */
  retainUntil: string;
  /** the same bytes as stored (an IndexedDB Blob), sent as the PUT body */
  body?: Blob;
  /** base64 MD5 of the bytes, when the caller computed it already */
  contentMd5?: string;
  /** a listing of the capture's folder just showed no object at this key: no HEAD before the PUT */
  knownAbsent?: boolean;
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

export function sizeOf(file: Pick<LockedFile, 'bytes' | 'body'>): number {
  return file.body?.size ?? file.bytes?.byteLength ?? 0;
}

export async function uploadLockedFile(t: LockerTarget, file: LockedFile): Promise<UploadOutcome> {
  const head = file.knownAbsent ? undefined : await startCall(t.keys, { method: 'HEAD', url: objectUrl(t, file.key) }, `checking ${file.key}`, [404]);
  const multipart = sizeOf(file) > MULTIPART_ABOVE;
  const headers = lockHeaders(file);
  const body = file.body ?? file.bytes;
  if (!multipart && !body) throw new Error(`${file.key}: no bytes to upload`);
  // the MD5 pass and the PUT's signature are the upload's CPU cost: do them while the HEAD is on the way
  const put = multipart
    ? undefined
    : signCall(t.keys, {
        method: 'PUT',
        url: objectUrl(t, file.key),
        headers: { ...headers, 'Content-MD5': file.contentMd5 ?? md5Base64(file.bytes!) },
        payloadSha256: file.sha256,
      });
  put?.catch(() => undefined); // not awaited when the file is already there
  const there = head ? existing(await head.answer) : undefined;
  if (there) {
    if (there.sha256 === file.sha256) return { outcome: 'present', versionId: there.versionId, etag: there.etag };
    throw new LockerError(
      'refused',
      `a different file is already in the locker at ${file.key} (sha256 ${there.sha256 || 'unknown'}, ours ${file.sha256}); nothing was overwritten`,
      409,
      'DifferentObjectAtKey',
    );
  }
  if (!put) {
    const bytes = file.bytes ?? new Uint8Array(await file.body!.arrayBuffer());
    return { outcome: 'uploaded', ...(await multipartUpload(t, file.key, bytes, headers)) };
  }
  // the signature covers the payload hash (x-amz-content-sha256), not the body object: either form sends the same bytes
  const res = await sendSigned({ ...(await put), body: body! }, `uploading ${file.key}`).answer;
  return { outcome: 'uploaded', versionId: res.headers.get('x-amz-version-id') ?? '', etag: res.headers.get('ETag') ?? '' };
}
