import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCephRgw, RGW_ACCESS_KEY, RGW_REGION, RGW_SECRET_KEY, type CephRgw } from '@/tests/harness/ceph-rgw';
import { checkLocker } from '@/utils/locker/connection-check';
import { sha256Hex, md5Base64 } from '@/utils/locker/checksums';
import { LockerError, sendCall } from '@/utils/locker/s3-request';
import { lockerTarget, objectUrl, type LockerTarget } from '@/utils/locker/target';
import { uploadLockedFile } from '@/utils/locker/upload-object';
import { retainUntil } from '@/utils/locker/retention';
import { listLockerCaptures, readLockerCapture } from '@/utils/locker/list-captures';

// The locker client against a real Ceph RGW (no browser): what the server verifies, what it
// refuses, and that nothing is ever written twice.

let rgw: CephRgw;
let t: LockerTarget;
const settings = (bucket: string, secretKey = RGW_SECRET_KEY) => ({
  endpoint: rgw.endpoint,
  region: RGW_REGION,
  bucket,
  accessKey: RGW_ACCESS_KEY,
  secretKey,
  retentionDays: 1,
});

beforeAll(async () => {
  rgw = await startCephRgw();
  await rgw.createBucket('evidence');
  await rgw.createBucket('plain', { objectLock: false });
  t = lockerTarget(settings('evidence'));
}, 90_000);
afterAll(() => rgw?.stop());

async function versionsOf(key: string): Promise<number> {
  const res = await rgw.s3.fetch(`${rgw.endpoint}/evidence?versions&prefix=${encodeURIComponent(key)}`);
  return ((await res.text()).match(/<Version>/g) ?? []).length;
}

function bytesOf(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

describe('connection check (bucket-level requests only)', () => {
  it('passes on a bucket with versioning and Object Lock', async () => {
    expect(await checkLocker(t)).toEqual({ ok: true });
  });
  it('says what is missing', async () => {
    expect(await checkLocker(lockerTarget(settings('plain')))).toMatchObject({ ok: false, reason: 'versioning-off' });
    await rgw.s3.fetch(`${rgw.endpoint}/plain?versioning`, {
      method: 'PUT',
      body: '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>',
    });
    expect(await checkLocker(lockerTarget(settings('plain')))).toMatchObject({ ok: false, reason: 'object-lock-off' });
    expect(await checkLocker(lockerTarget(settings('no-such-bucket')))).toMatchObject({ ok: false, reason: 'no-bucket' });
    expect(await checkLocker(lockerTarget(settings('evidence', 'wrong-secret')))).toMatchObject({ ok: false, reason: 'access-denied' });
    expect(await checkLocker(lockerTarget({ ...settings('evidence'), endpoint: 'http://127.0.0.1:9' }))).toMatchObject({ ok: false, reason: 'unreachable' });
  });
});

describe('write-once upload', () => {
  it('stores the bytes with sha256 metadata and COMPLIANCE retention; a second upload writes nothing', async () => {
    const bytes = new TextEncoder().encode('{"listing":"evidence"}');
    const sha256 = await sha256Hex(bytes);
    const until = retainUntil(new Date().toISOString(), 1);
    const file = { key: 'listingproof/k/c1/listing.json', bytes, sha256, mediaType: 'application/json', retainUntil: until };
    const first = await uploadLockedFile(t, file);
    expect(first.outcome).toBe('uploaded');
    expect(first.versionId).not.toBe('');
    expect(first.etag).toBe(`"${Buffer.from(md5Base64(bytes), 'base64').toString('hex')}"`);
    const got = await rgw.s3.fetch(objectUrl(t, file.key));
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
    expect(got.headers.get('x-amz-meta-sha256')).toBe(sha256);
    expect(got.headers.get('x-amz-object-lock-mode')).toBe('COMPLIANCE');
    expect(Date.parse(got.headers.get('x-amz-object-lock-retain-until-date')!)).toBe(Date.parse(until));

    const again = await uploadLockedFile(t, file);
    expect(again).toEqual({ outcome: 'present', versionId: first.versionId, etag: first.etag });
    expect(await versionsOf(file.key)).toBe(1);
  });

  it('refuses different bytes at the same key and overwrites nothing', async () => {
    const key = 'listingproof/k/c2/viewport.png';
    const a = bytesOf(1000, 1);
    await uploadLockedFile(t, { key, bytes: a, sha256: await sha256Hex(a), mediaType: 'image/png', retainUntil: retainUntil(new Date().toISOString(), 1) });
    const b = bytesOf(1000, 2);
    const err = await uploadLockedFile(t, {
      key,
      bytes: b,
      sha256: await sha256Hex(b),
      mediaType: 'image/png',
      retainUntil: retainUntil(new Date().toISOString(), 1),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockerError);
    expect((err as LockerError).kind).toBe('refused');
    expect((err as LockerError).message).toMatch(/different file is already in the locker at listingproof\/k\/c2\/viewport.png/);
    expect(await versionsOf(key)).toBe(1);
  });

  it('a delete of a locked version is refused (403), even with the bypass-governance header', async () => {
    const key = 'listingproof/k/c1/listing.json';
    const head = await rgw.s3.fetch(objectUrl(t, key), { method: 'HEAD' });
    const res = await rgw.s3.fetch(objectUrl(t, key, `?versionId=${head.headers.get('x-amz-version-id')}`), {
      method: 'DELETE',
      headers: { 'x-amz-bypass-governance-retention': 'true' },
    });
    expect(res.status).toBe(403);
    expect((await rgw.s3.fetch(objectUrl(t, key))).status).toBe(200);
  });

  it('the server verifies Content-MD5 and the signed SHA-256 (a body changed on the way is refused)', async () => {
    const bytes = bytesOf(2000, 3);
    const url = objectUrl(t, 'listingproof/k/c3/page.html');
    const badMd5 = await sendCall(t.keys, { method: 'PUT', url, body: bytes, headers: { 'Content-MD5': md5Base64(bytesOf(2000, 4)) } }, 'put').catch(
      (e: LockerError) => e,
    );
    expect((badMd5 as LockerError).code).toBe('BadDigest');
    const badSha = await sendCall(t.keys, { method: 'PUT', url, body: bytes, payloadSha256: await sha256Hex(bytesOf(2000, 4)) }, 'put').catch(
      (e: LockerError) => e,
    );
    expect((badSha as LockerError).code).toBe('XAmzContentSHA256Mismatch');
    expect((await rgw.s3.fetch(url, { method: 'HEAD' })).status).toBe(404);
  });

  it('large files go up multipart with the same retention and metadata', async () => {
    const bytes = bytesOf(20 * 1024 * 1024 + 123, 5);
    const sha256 = await sha256Hex(bytes);
    const key = 'listingproof/k/c4/full-page.png';
    const until = retainUntil(new Date().toISOString(), 2);
    const out = await uploadLockedFile(t, { key, bytes, sha256, mediaType: 'image/png', retainUntil: until });
    expect(out.outcome).toBe('uploaded');
    expect(out.etag).toMatch(/-3"$/);
    const got = await rgw.s3.fetch(objectUrl(t, key));
    expect(await sha256Hex(new Uint8Array(await got.arrayBuffer()))).toBe(sha256);
    expect(got.headers.get('x-amz-meta-sha256')).toBe(sha256);
    expect(got.headers.get('x-amz-object-lock-mode')).toBe('COMPLIANCE');
    expect(Date.parse(got.headers.get('x-amz-object-lock-retain-until-date')!)).toBe(Date.parse(until));
    expect((await uploadLockedFile(t, { key, bytes, sha256, mediaType: 'image/png', retainUntil: until })).outcome).toBe('present');
    expect(await versionsOf(key)).toBe(1);
  });
});

describe('reading the locker back (team view)', () => {
  it("lists every investigator's captures and returns one capture's files checked against their sha256", async () => {
    const until = retainUntil(new Date().toISOString(), 1);
    const put = async (keyId: string, captureId: string, path: string, bytes: Uint8Array) =>
      uploadLockedFile(t, {
        key: `listingproof/${keyId}/${captureId}/${path}`,
        bytes,
        sha256: await sha256Hex(bytes),
        mediaType: 'application/octet-stream',
        retainUntil: until,
      });
    const alice = 'a'.repeat(64);
    const bob = 'b'.repeat(64);
    const files = { 'listing.json': bytesOf(300, 7), 'images/01.jpg': bytesOf(5000, 8) };
    for (const [path, bytes] of Object.entries(files)) await put(alice, 'cap-a1', path, bytes);
    await put(alice, 'cap-a2', 'listing.json', bytesOf(10, 9));
    await put(bob, 'cap-b1', 'listing.json', bytesOf(20, 10));
    const refs = await listLockerCaptures(t);
    expect(refs).toEqual(
      expect.arrayContaining([
        { keyId: alice, captureId: 'cap-a1' },
        { keyId: alice, captureId: 'cap-a2' },
        { keyId: bob, captureId: 'cap-b1' },
      ]),
    );
    const got = await readLockerCapture(t, { keyId: alice, captureId: 'cap-a1' });
    expect(got.map((f) => f.path).sort()).toEqual(Object.keys(files).sort());
    for (const f of got) expect(f.bytes).toEqual(files[f.path as keyof typeof files]);
  });

  it('refuses an object whose bytes do not match the sha256 it was stored with', async () => {
    // written around the locker client: a wrong x-amz-meta-sha256 is what a tampered upload would carry
    const bytes = bytesOf(100, 11);
    await rgw.s3.fetch(objectUrl(t, `listingproof/${'c'.repeat(64)}/cap-x/listing.json`), {
      method: 'PUT',
      body: bytes as Uint8Array<ArrayBuffer>,
      headers: { 'x-amz-meta-sha256': '0'.repeat(64) },
    });
    const err = await readLockerCapture(t, { keyId: 'c'.repeat(64), captureId: 'cap-x' }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/listing.json: its bytes hash to [0-9a-f]{64}, but it was stored with sha256 0{64}/);
  });
});
