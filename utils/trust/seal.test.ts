import { afterEach, describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import { sha256Bytes } from '@/utils/export/digest';
import { storeCapture } from '@/utils/evidence/store-capture';
import { makeCapture } from '@/tests/helpers/make-capture';
import { buildSeal, NO_INVESTIGATOR_WARNING, sealOf, sealText } from '@/utils/trust/seal';

const who = { name: '王调查', org: '某某知识产权代理', keyId: 'ab'.repeat(32) };
const dbs: ListingProofDatabase[] = [];
afterEach(() => dbs.splice(0).forEach((d) => void d.delete()));

describe('seal.json', () => {
  it('is canonical JSON whose bytes do not depend on the order of the artifacts', async () => {
    const { record } = await makeCapture();
    const a = await buildSeal(record, who);
    const b = await buildSeal({ ...record, artifacts: [...record.artifacts].reverse() }, who);
    expect(new TextDecoder().decode(a.bytes)).toBe(new TextDecoder().decode(b.bytes));
    expect(a.sha256).toBe(await sha256Bytes(a.bytes));
    const text = sealText(a.seal);
    expect(text).not.toMatch(/\s(?=(?:[^"]*"[^"]*")*[^"]*$)/); // no white space outside strings
    expect(JSON.parse(text)).toEqual({
      format: 'listingproof-seal',
      formatVersion: 1,
      captureId: record.id,
      url: record.url,
      platform: 'taobao',
      itemId: record.itemId,
      capturedAt: record.capturedAt,
      investigator: who,
      files: [...record.artifacts].map((x) => ({ path: x.path, sha256: x.sha256, bytes: x.bytes })).sort((x, y) => (x.path < y.path ? -1 : 1)),
    });
  });

  it('lists every file but itself and the token', async () => {
    const { record } = await makeCapture();
    const withOwn = {
      ...record,
      artifacts: [
        ...record.artifacts,
        { path: 'seal.json', mediaType: 'application/json', bytes: 1, sha256: '0'.repeat(64), method: 'seal' as const },
        { path: 'seal.tsr', mediaType: 'application/timestamp-reply', bytes: 1, sha256: '1'.repeat(64), method: 'rfc3161-timestamp' as const },
      ],
    };
    expect(sealOf(withOwn, who).files.map((f) => f.path)).toEqual(sealOf(record, who).files.map((f) => f.path));
  });

  it('is stored with the capture in one transaction, with a pending timestamp row and its exact bytes', async () => {
    const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
    dbs.push(db);
    const { record, bytes } = await makeCapture();
    const { caseId: _c, ...draft } = record;
    const blobs = new Map([...bytes].map(([p, b]) => [p, new Blob([b as Uint8Array<ArrayBuffer>])]));
    const stored = await storeCapture(db, draft, blobs, { now: record.capturedAt, newCaseId: () => crypto.randomUUID(), seal: who });
    const sealArtifact = stored.artifacts.find((a) => a.path === 'seal.json')!;
    const blob = (await db.artifactBlobs.get(`${stored.id}/seal.json`))!.data;
    const sealBytes = new Uint8Array(await blob.arrayBuffer());
    expect(await sha256Bytes(sealBytes)).toBe(sealArtifact.sha256);
    expect(JSON.parse(new TextDecoder().decode(sealBytes)).files).toHaveLength(record.artifacts.length);
    expect(await db.timestamps.get(stored.id)).toMatchObject({ status: 'pending', sealSha256: sealArtifact.sha256, attempts: 0 });
    expect(stored.warnings).not.toContain(NO_INVESTIGATOR_WARNING);
  });

  it('warns on a capture made without investigator name or organisation', async () => {
    const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
    dbs.push(db);
    const { record, bytes } = await makeCapture();
    const { caseId: _c, ...draft } = record;
    const blobs = new Map([...bytes].map(([p, b]) => [p, new Blob([b as Uint8Array<ArrayBuffer>])]));
    const stored = await storeCapture(db, draft, blobs, { now: record.capturedAt, newCaseId: () => crypto.randomUUID(), seal: { ...who, org: '' } });
    expect(stored.warnings).toContain(NO_INVESTIGATOR_WARNING);
  });
});
