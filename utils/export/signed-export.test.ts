import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListingProofDatabase } from '@/utils/db/database';
import { storeCapture } from '@/utils/evidence/store-capture';
import { exportEvidence } from '@/utils/export/export-from-db';
import { sha256Bytes } from '@/utils/export/digest';
import { base64ToBytes } from '@/utils/encoding/base64';
import { makeCapture } from '@/tests/helpers/make-capture';
import { startTsa, type TestTsa } from '@/tests/harness/tsa-server';
import { requestTimestamp } from '@/utils/trust/tsp-client';
import { ensureKey } from '@/utils/trust/investigator-key';
import { stampCapture } from '@/utils/background/timestamp-queue';

// A sealed, stamped capture exported with a signature, checked with openssl and WebCrypto
// against a real openssl TSA on 127.0.0.1.

let tsa: TestTsa;
const work = mkdtempSync(join(tmpdir(), 'lp-signed-'));
beforeAll(async () => {
  tsa = await startTsa();
});
afterAll(async () => {
  await tsa?.stop();
  rmSync(work, { recursive: true, force: true });
});

const investigator = { name: '王调查', org: 'Acme IP' };

async function sealedDb(stamp: boolean) {
  const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
  const key = await ensureKey(db, investigator.name);
  const { record, bytes } = await makeCapture();
  const { caseId: _c, ...draft } = record;
  const blobs = new Map([...bytes].map(([p, b]) => [p, new Blob([b as Uint8Array<ArrayBuffer>])]));
  const stored = await storeCapture(db, draft, blobs, {
    now: record.capturedAt,
    newCaseId: () => crypto.randomUUID(),
    seal: { ...investigator, keyId: key.keyId },
  });
  if (stamp) {
    const row = await stampCapture(
      { db, request: (d, t) => requestTimestamp(d, t), tsas: async () => [{ url: tsa.url }], now: () => new Date(), actor: async () => 'Li' },
      stored.id,
    );
    expect(row?.status).toBe('stamped');
  }
  return { db, key, id: stored.id };
}

const exportOptions = { actor: investigator.name, softwareVersion: '0.1.0', locale: 'en' as const };

describe('signed package', () => {
  it('holds seal.json, seal.tsr, the timestamp entry, signature.json over manifest.json and signature.tsr over the signature', async () => {
    const { db, key, id } = await sealedDb(true);
    const out = await exportEvidence(db, { ...exportOptions, signing: { investigator, tsas: [{ url: tsa.url }] } });
    expect(out.signature).toEqual({ keyId: key.keyId, timestamp: 'stamped' });
    const zip = await JSZip.loadAsync(await out.blob.arrayBuffer());
    const file = async (p: string) => new Uint8Array(await zip.file(p)!.async('uint8array'));
    const manifestBytes = await file('manifest.json');
    const manifest = JSON.parse(new TextDecoder().decode(manifestBytes));
    const c = manifest.captures[0];
    expect(c.files).toEqual(expect.arrayContaining([`captures/${id}/seal.json`, `captures/${id}/seal.tsr`]));
    expect(c.timestamp).toMatchObject({ status: 'stamped', tsa: tsa.url });
    expect(c.timestamp.genTime).toMatch(/Z$/);
    const listed = manifest.files.map((f: { path: string }) => f.path);
    expect(listed).not.toContain('signature.json');
    expect(listed).not.toContain('signature.tsr');
    const sums = new TextDecoder().decode(await file('SHA256SUMS'));
    expect(sums).not.toMatch(/signature\./);
    const tsrEntry = manifest.files.find((f: { path: string }) => f.path === `captures/${id}/seal.tsr`);
    expect(tsrEntry.sha256).toBe(await sha256Bytes(await file(`captures/${id}/seal.tsr`)));

    // The seal's token, with openssl, against the TSA's root.
    writeFileSync(join(work, 'seal.json'), await file(`captures/${id}/seal.json`));
    writeFileSync(join(work, 'seal.tsr'), await file(`captures/${id}/seal.tsr`));
    expect(
      execFileSync('openssl', ['ts', '-verify', '-data', join(work, 'seal.json'), '-in', join(work, 'seal.tsr'), '-CAfile', tsa.caPemFile], {
        encoding: 'utf8',
      }),
    ).toContain('Verification: OK');

    // The signature, with WebCrypto, from the public key the file carries.
    const sig = JSON.parse(new TextDecoder().decode(await file('signature.json')));
    expect(sig).toMatchObject({
      format: 'listingproof-signature',
      formatVersion: 1,
      alg: 'ES256',
      sigFormat: 'ieee-p1363',
      signed: 'manifest.json',
      keyId: key.keyId,
      investigator,
    });
    const spki = base64ToBytes(sig.publicKey);
    expect(await sha256Bytes(spki)).toBe(sig.keyId);
    const pub = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const raw = base64ToBytes(sig.signature);
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, raw, manifestBytes as Uint8Array<ArrayBuffer>)).toBe(true);
    const edited = manifestBytes.slice();
    edited[10] = edited[10]! ^ 1;
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, raw, edited)).toBe(false);

    // signature.tsr covers SHA-256 of the raw signature bytes.
    writeFileSync(join(work, 'sig.bin'), raw);
    writeFileSync(join(work, 'signature.tsr'), await file('signature.tsr'));
    expect(
      execFileSync('openssl', ['ts', '-verify', '-data', join(work, 'sig.bin'), '-in', join(work, 'signature.tsr'), '-CAfile', tsa.caPemFile], {
        encoding: 'utf8',
      }),
    ).toContain('Verification: OK');

    const report = new TextDecoder().decode(await file('report.html'));
    expect(report).toContain(key.keyId);
    expect(report).toContain(c.timestamp.genTime);
    expect(report).toContain('openssl ts -verify -data seal.json -in seal.tsr -CAfile &lt;root&gt;');
    db.close();
  });

  it('a capture still pending exports its seal without a token, and a TSA that is down does not hold the export', async () => {
    const { db, id } = await sealedDb(false);
    tsa.setMode('down');
    try {
      const started = Date.now();
      const out = await exportEvidence(db, { ...exportOptions, signing: { investigator, tsas: [{ url: tsa.url }], timeoutMs: 2000 } });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(out.signature?.timestamp).toBe('pending');
      const zip = await JSZip.loadAsync(await out.blob.arrayBuffer());
      expect(zip.file('signature.json')).toBeTruthy();
      expect(zip.file('signature.tsr')).toBeNull();
      expect(zip.file(`captures/${id}/seal.json`)).toBeTruthy();
      expect(zip.file(`captures/${id}/seal.tsr`)).toBeNull();
      expect(out.manifest.captures[0]!.timestamp).toEqual({ status: 'pending' });
    } finally {
      tsa.setMode('ok');
      db.close();
    }
  });
});
