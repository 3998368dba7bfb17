import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodeOf } from '@/utils/cli/verify-format';
import { sha256Bytes } from '@/utils/export/digest';
import { verifyPackage, type VerifyResult } from '@/utils/export/verify-package';
import { bytesToBase64 } from '@/utils/trust/bytes';
import { startTsa, type TestTsa } from '@/tests/harness/tsa-server';
import { makePackage, makeSealedPackage } from '@/tests/helpers/make-package';
import { makeSigner, signManifest, writeManifest } from '@/tests/helpers/seal-package';
import { bytesOf, text, unzipAll, zipAll } from '@/tests/helpers/rezip';

// Seals, tokens (from a real openssl TSA) and the signature as the verifier judges them: what
// must fail, what is only a warning (§6.6), and the attack — rewrite listing.json,
// recompute every hash, re-sign the manifest with another key — failing.

let tsa: TestTsa;
let sealed: Awaited<ReturnType<typeof makeSealedPackage>>;
type Files = Map<string, Uint8Array>;
type ManifestJson = {
  files: { path: string; sha256: string; bytes: number }[];
  captures: { id: string; capturedAt: string; files: string[]; timestamp?: Record<string, string> }[];
};

const trusted = () => ({ trustedRoots: [tsa.caDer] });
const paths = (r: VerifyResult) => r.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
const warningText = (r: VerifyResult) => (r.warnings ?? []).map((p) => `${p.path}: ${p.message}`).join('\n');

/** Edits files, then rewrites the manifest's hashes and SHA256SUMS, and re-signs with another key. */
async function forge(bytes: Uint8Array, edit: (files: Files, m: ManifestJson) => void | Promise<void>): Promise<Uint8Array> {
  const files = await unzipAll(bytes);
  const m = JSON.parse(text(files.get('manifest.json'))) as ManifestJson;
  await edit(files, m);
  for (const f of m.files) {
    const data = files.get(f.path);
    if (data) Object.assign(f, { sha256: await sha256Bytes(data), bytes: data.byteLength });
  }
  await writeManifest(files, m);
  await signManifest(files, await makeSigner(), { name: '冒名', org: '' }, tsa.url);
  return zipAll(files);
}

beforeAll(async () => {
  tsa = await startTsa();
  sealed = await makeSealedPackage([{}, { kind: 'chat' }], { tsaUrl: tsa.url });
}, 60_000);
afterAll(() => tsa?.stop());

describe('verifying seals, tokens and the signature', () => {
  it('finds a sealed, stamped and signed package intact, with each trusted time and the key id', async () => {
    const result = await verifyPackage(sealed.bytes, trusted());
    expect(paths(result)).toBe('');
    expect(warningText(result)).toBe('');
    expect(result.status).toBe('intact');
    expect(exitCodeOf(result, true)).toBe(0);
    expect(result.trust?.captures).toHaveLength(2);
    for (const c of result.trust!.captures) {
      expect(c).toMatchObject({ token: 'ok', tsa: tsa.url, keyId: sealed.signer.keyId });
      expect(Math.abs(Date.parse(c.trustedTime!) - Date.now())).toBeLessThan(120_000);
    }
    expect(result.trust?.signature).toMatchObject({
      status: 'ok',
      keyId: sealed.signer.keyId,
      token: 'ok',
      investigator: { name: '王调查', org: '示例维权事务所' },
    });
  });

  it('warns, without failing, when no trusted root reaches the TSA; --require-timestamps then fails', async () => {
    const result = await verifyPackage(sealed.bytes);
    expect(result.status).toBe('intact');
    expect(warningText(result)).toMatch(/seal\.tsr: the TSA certificate does not chain to a trusted root/);
    expect(result.trust?.captures.every((c) => c.token === 'untrusted')).toBe(true);
    expect(exitCodeOf(result)).toBe(0);
    expect(exitCodeOf(result, true)).toBe(1);
  });

  it('still verifies a package from before seals, with warnings', async () => {
    const { bytes } = await makePackage([{}]);
    const result = await verifyPackage(bytes, trusted());
    expect(result.status).toBe('intact');
    expect(warningText(result)).toMatch(/no seal\.json/);
    expect(warningText(result)).toMatch(/signature\.json: the package is not signed/);
    expect([exitCodeOf(result), exitCodeOf(result, true)]).toEqual([0, 1]);
  });

  it('warns about a pending capture, and fails one that claims a token it does not have', async () => {
    const { bytes, made } = await makeSealedPackage([{}], { tsaUrl: tsa.url });
    const files = await unzipAll(bytes);
    const id = made[0]!.record.id;
    const pending = await makeSealedPackage([{ id: 'pending-one' }], { tsaUrl: tsa.url, unstamped: ['pending-one'] });
    const pendingResult = await verifyPackage(pending.bytes, trusted());
    expect(pendingResult.status).toBe('intact');
    expect(warningText(pendingResult)).toMatch(/captures\/pending-one\/seal\.tsr: no timestamp token \(pending\)/);

    const dropped = await forge(bytes, (f, m) => {
      f.delete(`captures/${id}/seal.tsr`);
      m.files = m.files.filter((x) => x.path !== `captures/${id}/seal.tsr`);
      m.captures[0]!.files = m.captures[0]!.files.filter((p) => !p.endsWith('seal.tsr'));
    });
    expect(files.has(`captures/${id}/seal.tsr`)).toBe(true);
    const result = await verifyPackage(dropped, trusted());
    expect(result.status).toBe('tampered');
    expect(paths(result)).toMatch(/seal\.tsr: missing, but manifest\.json says capture .* is stamped/);
  });

  it("fails the issue's attack: listing.json rewritten, every hash recomputed, manifest re-signed by another key", async () => {
    const id = sealed.made[0]!.record.id;
    const listing = `captures/${id}/listing.json`;
    const forged = await forge(sealed.bytes, (files) => {
      const json = JSON.parse(text(files.get(listing))) as Record<string, unknown>;
      files.set(listing, bytesOf(JSON.stringify({ ...json, verdict: { seller: 'authorized', price: 'ok' } })));
    });
    const result = await verifyPackage(forged, trusted());
    expect(result.status).toBe('tampered');
    expect(paths(result)).toContain(`${listing}: SHA-256 is`);
    expect(warningText(result)).toMatch(/signed by key [0-9a-f]{64}, but captures were sealed by key/);
  });

  it('fails a re-written seal: the token covers the old seal', async () => {
    const id = sealed.made[0]!.record.id;
    const listing = `captures/${id}/listing.json`;
    const forged = await forge(sealed.bytes, async (files) => {
      files.set(listing, bytesOf('{"forged":true}'));
      const seal = JSON.parse(text(files.get(`captures/${id}/seal.json`))) as { files: { path: string; sha256: string; bytes: number }[] };
      const entry = seal.files.find((f) => f.path === 'listing.json')!;
      Object.assign(entry, { sha256: await sha256Bytes(files.get(listing)!), bytes: files.get(listing)!.byteLength });
      files.set(`captures/${id}/seal.json`, bytesOf(JSON.stringify(seal)));
    });
    const result = await verifyPackage(forged, trusted());
    expect(result.status).toBe('tampered');
    expect(paths(result)).toMatch(/seal\.tsr: the token covers [0-9a-f]{64}, not this data/);
  });

  it('fails a file added to a capture folder after sealing, even when listed everywhere else', async () => {
    const capture = sealed.made[0]!.record.id;
    const extra = `captures/${capture}/extra.png`;
    const forged = await forge(sealed.bytes, (files, m) => {
      files.set(extra, bytesOf('late'));
      m.files.push({ path: extra, sha256: '', bytes: 0, mediaType: 'image/png' } as ManifestJson['files'][number]);
      m.captures[0]!.files.push(extra);
    });
    const result = await verifyPackage(forged, trusted());
    expect(paths(result)).toContain(`${extra}: in the capture folder but not sealed`);
  });

  it('fails a token time before the capture time, and warns when it is more than 10 minutes after', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    const early = await makeSealedPackage([{ capturedAt: future }], { tsaUrl: tsa.url });
    const earlyResult = await verifyPackage(early.bytes, trusted());
    expect(earlyResult.status).toBe('tampered');
    expect(paths(earlyResult)).toMatch(/is before the capture's .*: the capture time is false/);

    const past = new Date(Date.now() - 3600_000).toISOString();
    const late = await makeSealedPackage([{ capturedAt: past }], { tsaUrl: tsa.url });
    const lateResult = await verifyPackage(late.bytes, trusted());
    expect(lateResult.status).toBe('intact');
    expect(warningText(lateResult)).toMatch(/more than 10 minutes after the capture .*proves existence only from/);
    expect(exitCodeOf(lateResult, true)).toBe(1);
  });

  it('fails a manifest timestamp entry that disagrees with the token', async () => {
    const forged = await forge(sealed.bytes, (_files, m) => {
      m.captures[0]!.timestamp = { ...m.captures[0]!.timestamp, serial: 'abcdef' };
      m.captures[1]!.timestamp = { ...m.captures[1]!.timestamp, genTime: '2020-01-01T00:00:00.000Z' };
    });
    const result = await verifyPackage(forged, trusted());
    expect(paths(result)).toMatch(/timestamp serial abcdef, the token's is/);
    expect(paths(result)).toMatch(/timestamp genTime 2020-01-01T00:00:00.000Z, the token says/);
  });

  it('fails a signature over other bytes, with a swapped public key, or with a wrong key id', async () => {
    const files = await unzipAll(sealed.bytes);
    const sig = JSON.parse(text(files.get('signature.json'))) as Record<string, string>;
    const other = await makeSigner();
    const variants: [string, Files][] = [];
    const otherManifest = new Map(files);
    await writeManifest(otherManifest, { ...(JSON.parse(text(files.get('manifest.json'))) as object), createdAt: '2026-12-01T00:00:00.000Z' });
    variants.push(['does not match manifest.json', otherManifest]);
    variants.push([
      'does not match manifest.json',
      new Map(files).set('signature.json', bytesOf(JSON.stringify({ ...sig, publicKey: bytesToBase64(other.spki), keyId: other.keyId }))),
    ]);
    variants.push(['is not the SHA-256 of publicKey', new Map(files).set('signature.json', bytesOf(JSON.stringify({ ...sig, keyId: other.keyId })))]);
    variants.push(['not a well-formed signature file', new Map(files).set('signature.json', bytesOf(JSON.stringify({ ...sig, alg: 'RS256' })))]);
    variants.push(['signature.tsr: the token covers', new Map(files).set('signature.tsr', files.get(`captures/${sealed.made[0]!.record.id}/seal.tsr`)!)]);
    for (const [expected, variant] of variants) {
      const result = await verifyPackage(await zipAll(variant), trusted());
      expect(result.status, expected).toBe('tampered');
      expect(paths(result), expected).toContain(expected);
    }
  });
});
