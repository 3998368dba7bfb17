import { md5Base64, sha256Hex } from '@/utils/locker/checksums';
import { LockerError, sendCall, xmlValue } from '@/utils/locker/s3-request';
import { objectUrl, type LockerTarget } from '@/utils/locker/target';

// Large files go up in parts (each with its own Content-MD5 and signed hash); the Object Lock
// headers and metadata are given when the upload starts, as S3 requires. A failed upload is
// aborted so no parts linger.

export const PART_BYTES = 8 * 1024 * 1024;

export interface StoredObject {
  versionId: string;
  etag: string;
}

async function ensureRetention(t: LockerTarget, key: string, versionId: string, stored: Headers, retainUntil: string): Promise<void> {
  const until = Date.parse(stored.get('x-amz-object-lock-retain-until-date') ?? '');
  if (stored.get('x-amz-object-lock-mode') === 'COMPLIANCE' && until >= Date.parse(retainUntil)) return;
  const xml = `<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Mode>COMPLIANCE</Mode><RetainUntilDate>${retainUntil}</RetainUntilDate></Retention>`;
  const body = new TextEncoder().encode(xml);
  await sendCall(
    t.keys,
    {
      method: 'PUT',
      url: objectUrl(t, key, `?retention&versionId=${encodeURIComponent(versionId)}`),
      headers: { 'Content-MD5': md5Base64(body), 'Content-Type': 'application/xml' },
      body,
    },
    `locking ${key}`,
  );
}

export async function multipartUpload(t: LockerTarget, key: string, bytes: Uint8Array, headers: Record<string, string>): Promise<StoredObject> {
  const what = `multipart upload of ${key}`;
  const started = await sendCall(t.keys, { method: 'POST', url: objectUrl(t, key, '?uploads'), headers }, what);
  const uploadId = xmlValue(await started.text(), 'UploadId');
  if (!uploadId) throw new LockerError('outage', `${what}: the locker gave no UploadId`);
  const query = (extra: string) => `?${extra}uploadId=${encodeURIComponent(uploadId)}`;
  try {
    const parts: string[] = [];
    for (let offset = 0, n = 1; offset < bytes.length; offset += PART_BYTES, n++) {
      const part = bytes.subarray(offset, Math.min(offset + PART_BYTES, bytes.length));
      const res = await sendCall(
        t.keys,
        {
          method: 'PUT',
          url: objectUrl(t, key, query(`partNumber=${n}&`)),
          headers: { 'Content-MD5': md5Base64(part) },
          body: part,
          payloadSha256: await sha256Hex(part),
        },
        `${what}, part ${n}`,
      );
      parts.push(`<Part><PartNumber>${n}</PartNumber><ETag>${res.headers.get('ETag') ?? ''}</ETag></Part>`);
    }
    const xml = `<CompleteMultipartUpload>${parts.join('')}</CompleteMultipartUpload>`;
    const done = await sendCall(
      t.keys,
      { method: 'POST', url: objectUrl(t, key, query('')), headers: { 'Content-Type': 'application/xml' }, body: xml },
      `${what}, completing`,
    );
    const text = await done.text();
    // S3 may answer 200 and put the error in the body
    if (/<Error>/.test(text)) throw new LockerError('outage', `${what}: ${xmlValue(text, 'Code') ?? 'error'} while completing`);
    const versionId = done.headers.get('x-amz-version-id') || '';
    const etag = (xmlValue(text, 'ETag') ?? '').replaceAll('&quot;', '"');
    // Ceph 16 answers an empty <ETag> and drops the Object Lock headers given at the start of a
    // multipart upload: read the stored version back and lock it explicitly when it is not.
    const head = await sendCall(
      t.keys,
      { method: 'HEAD', url: objectUrl(t, key, versionId ? `?versionId=${encodeURIComponent(versionId)}` : '') },
      `${what}, reading it back`,
    );
    const stored = { versionId: versionId || head.headers.get('x-amz-version-id') || '', etag: etag || head.headers.get('ETag') || '' };
    await ensureRetention(t, key, stored.versionId, head.headers, headers['x-amz-object-lock-retain-until-date'] ?? '');
    return stored;
  } catch (err) {
    await sendCall(t.keys, { method: 'DELETE', url: objectUrl(t, key, query('')) }, `${what}, aborting`).catch(() => undefined);
    throw err;
  }
}
