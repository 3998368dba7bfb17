import { createHash, X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTsa, type TestTsa, type TsaMode } from '@/tests/harness/tsa-server';
import { buildTimeStampReq, sha256 } from '@/utils/trust/tsp-client';
import { bundledRootsDer, verifyTimestampToken } from '@/utils/trust/tsp-verify';
import { BUNDLED_TSA_ROOTS } from '@/utils/trust/tsa-roots';

// Tokens made by a real openssl TSA, checked offline: each way a stored token can be wrong is
// rejected, and a sound token from an unknown CA is "untrusted", not "ok".

let tsa: TestTsa;
const data = new TextEncoder().encode('seal.json bytes');
let digest: Uint8Array;

/** A raw reply as the TSA sends it in this mode, with no client-side checks in between. */
async function tokenIn(mode: TsaMode, over = digest): Promise<Uint8Array> {
  tsa.setMode(mode);
  const res = await fetch(tsa.url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: buildTimeStampReq(over, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])) as Uint8Array<ArrayBuffer>,
  });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

beforeAll(async () => {
  tsa = await startTsa();
  digest = await sha256(data);
}, 60_000);
afterAll(() => tsa?.stop());

describe('verifyTimestampToken', () => {
  it('accepts a sound token chained to a trusted root, with its time, serial and TSA', async () => {
    const before = Date.now();
    const result = await verifyTimestampToken(await tokenIn('ok'), digest, { trustedRoots: [tsa.caDer] });
    expect(result).toMatchObject({ status: 'ok', problems: [] });
    expect(Math.abs(Date.parse(result.genTime!) - before)).toBeLessThan(10_000);
    expect(result.serial).toMatch(/^[0-9a-f]+$/);
    expect(result.tsa).toContain('Test TSA');
    expect(result.root).toContain('Test Root CA');
  });

  it('fails a token over other data', async () => {
    const result = await verifyTimestampToken(await tokenIn('ok'), await sha256(new TextEncoder().encode('other bytes')), { trustedRoots: [tsa.caDer] });
    expect(result.status).toBe('failed');
    expect(result.problems.join()).toMatch(/covers [0-9a-f]{64}, not this data/);
  });

  it('fails a token whose imprint the TSA got wrong', async () => {
    const result = await verifyTimestampToken(await tokenIn('wrong-imprint'), digest, { trustedRoots: [tsa.caDer] });
    expect(result.status).toBe('failed');
  });

  it('calls a token from another CA untrusted, and ok once that CA is trusted', async () => {
    const token = await tokenIn('untrusted');
    const untrusted = await verifyTimestampToken(token, digest, { trustedRoots: [tsa.caDer] });
    expect(untrusted.status).toBe('untrusted');
    expect(untrusted.problems.join()).toMatch(/does not chain to a trusted root/);
    expect((await verifyTimestampToken(token, digest, { trustedRoots: [tsa.untrustedCaDer] })).status).toBe('ok');
    expect((await verifyTimestampToken(token, digest, { trustedRoots: [] })).status).toBe('untrusted');
  });

  it('fails a token signed by a certificate without the timeStamping purpose', async () => {
    const result = await verifyTimestampToken(await tokenIn('no-eku'), digest, { trustedRoots: [tsa.caDer] });
    expect(result.status).toBe('failed');
    expect(result.problems.join()).toMatch(/not for time stamping/);
  });

  it("fails a token whose TSA certificate had expired at the token's time", async () => {
    const result = await verifyTimestampToken(await tokenIn('expired'), digest, { trustedRoots: [tsa.caDer] });
    expect(result.status).toBe('failed');
    expect(result.problems.join()).toMatch(/not yet valid or expired/);
  });

  it('judges the chain at another time when asked (before the CA existed: failed)', async () => {
    const result = await verifyTimestampToken(await tokenIn('ok'), digest, { trustedRoots: [tsa.caDer], at: new Date('2001-01-01T00:00:00Z') });
    expect(result.status).toBe('failed');
  });

  it('fails a token with a changed signature byte, a truncated one and a refusal', async () => {
    const token = await tokenIn('ok');
    const flipped = token.slice();
    flipped[flipped.length - 10] = flipped[flipped.length - 10]! ^ 0x01; // inside the SignerInfo's signature value, the last field
    const badSignature = await verifyTimestampToken(flipped, digest, { trustedRoots: [tsa.caDer] });
    expect(badSignature.status).toBe('failed');
    expect(badSignature.problems.join()).toMatch(/signature is not valid/);
    const truncated = await verifyTimestampToken(token.subarray(0, 200), digest, { trustedRoots: [tsa.caDer] });
    expect(truncated.status).toBe('failed');
    expect(truncated.problems.join()).toMatch(/TimeStampResp|malformed/);
    const refused = await verifyTimestampToken(await tokenIn('refuse'), digest, { trustedRoots: [tsa.caDer] });
    expect(refused).toMatchObject({ status: 'failed' });
    expect(refused.problems.join()).toMatch(/refused \(rejection/);
  });

  it('does not trust the test CA through the bundled roots', async () => {
    expect((await verifyTimestampToken(await tokenIn('ok'), digest, { trustedRoots: bundledRootsDer() })).status).toBe('untrusted');
  });
});

describe('bundled TSA roots', () => {
  it('are exactly the Mozilla store certificates their fingerprints name', () => {
    const store = new Set(rootCertificates.map((pem) => new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase()));
    const ders = bundledRootsDer();
    expect(ders).toHaveLength(BUNDLED_TSA_ROOTS.length);
    BUNDLED_TSA_ROOTS.forEach((root, i) => {
      expect(createHash('sha256').update(ders[i]!).digest('hex')).toBe(root.sha256);
      expect(store.has(root.sha256)).toBe(true);
      expect(new X509Certificate(ders[i]!).subject).toContain(root.name);
    });
  });
});
