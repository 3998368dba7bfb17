import { sha256Hex } from '@/utils/locker/checksums';
import { LockerError, sendCall, xmlValue } from '@/utils/locker/s3-request';
import { bucketUrl, objectUrl, type LockerTarget } from '@/utils/locker/target';

// Reading the locker back, for the team view: which investigators (key ids) and captures it holds,
// and one capture's files, each checked against the SHA-256 it was stored with.

export interface LockerCaptureRef {
  keyId: string;
  captureId: string;
}

export interface LockerFile {
  path: string;
  bytes: Uint8Array;
  sha256: string;
  versionId: string;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function all(xml: string, outer: string, inner: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(new RegExp(`<${outer}>([\\s\\S]*?)</${outer}>`, 'g'))) {
    const v = xmlValue(m[1]!, inner);
    if (v !== undefined) out.push(unescapeXml(v));
  }
  return out;
}

/** ListObjectsV2 over every page: keys (or, with a delimiter, the common prefixes) under `prefix`. */
async function listAll(t: LockerTarget, prefix: string, delimiter: boolean): Promise<string[]> {
  const found: string[] = [];
  let token = '';
  do {
    const query = `?list-type=2&prefix=${encodeURIComponent(prefix)}${delimiter ? '&delimiter=%2F' : ''}${token ? `&continuation-token=${encodeURIComponent(token)}` : ''}`;
    const xml = await (await sendCall(t.keys, { method: 'GET', url: bucketUrl(t, query) }, `listing ${prefix}`)).text();
    found.push(...(delimiter ? all(xml, 'CommonPrefixes', 'Prefix') : all(xml, 'Contents', 'Key')));
    token = xmlValue(xml, 'IsTruncated') === 'true' ? unescapeXml(xmlValue(xml, 'NextContinuationToken') ?? '') : '';
  } while (token);
  return found;
}

/** Every capture in the locker, by investigator key id (one listing per investigator, 1,000 per request). */
export async function listLockerCaptures(t: LockerTarget): Promise<LockerCaptureRef[]> {
  const refs: LockerCaptureRef[] = [];
  for (const keyPrefix of await listAll(t, 'listingproof/', true)) {
    const keyId = keyPrefix.split('/')[1] ?? '';
    for (const capturePrefix of await listAll(t, keyPrefix, true)) refs.push({ keyId, captureId: capturePrefix.split('/')[2] ?? '' });
  }
  return refs;
}

/** One capture's files, refused (LockerError) if any object's bytes do not match its stored SHA-256. */
export async function readLockerCapture(t: LockerTarget, ref: LockerCaptureRef): Promise<LockerFile[]> {
  const prefix = `listingproof/${ref.keyId}/${ref.captureId}/`;
  const files: LockerFile[] = [];
  for (const key of await listAll(t, prefix, false)) {
    const res = await sendCall(t.keys, { method: 'GET', url: objectUrl(t, key) }, `reading ${key}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    const stored = res.headers.get('x-amz-meta-sha256') ?? '';
    if (sha256 !== stored) throw new LockerError('refused', `${key}: its bytes hash to ${sha256}, but it was stored with sha256 ${stored || '(none)'}`);
    files.push({ path: key.slice(prefix.length), bytes, sha256, versionId: res.headers.get('x-amz-version-id') ?? '' });
  }
  return files;
}
