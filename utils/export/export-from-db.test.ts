import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import { appendCustody, readCustody, verifyCustodyChain } from '@/utils/evidence/custody';
import { exportEvidence } from '@/utils/export/export-from-db';
import { verifyPackage } from '@/utils/export/verify-package';
import { sha256Text } from '@/utils/export/digest';
import { makeCapture } from '@/tests/helpers/make-capture';

async function seeded(n: number) {
  const db = new ListingProofDatabase(`export-${crypto.randomUUID()}`);
  const made = await Promise.all(Array.from({ length: n }, () => makeCapture()));
  for (const m of made) {
    await db.captures.put(m.record);
    for (const [path, data] of m.bytes)
      await db.artifactBlobs.put({ id: `${m.record.id}/${path}`, captureId: m.record.id, data: new Blob([data as Uint8Array<ArrayBuffer>]) });
    await appendCustody(db, { event: 'capture', captureId: m.record.id, actor: '王调查', detail: 'captured' });
  }
  return { db, made };
}

const options = { actor: '王调查', softwareVersion: '0.1.0', locale: 'en' as const, now: new Date(2026, 10, 22, 9, 5) };

describe('exportEvidence', () => {
  it('exports the selection, then logs the export naming the package; the next package carries it', async () => {
    const { db, made } = await seeded(3);
    const ids = [made[2]!.record.id, made[0]!.record.id];
    const out = await exportEvidence(db, { ...options, captureIds: ids, label: 'Case 7' });
    expect(out.fileName).toBe('listingproof-case-7-20261122-0905.zip');
    const bytes = new Uint8Array(await out.blob.arrayBuffer());
    expect((await verifyPackage(bytes)).status).toBe('intact');
    expect(out.manifest.captures.map((c) => c.id)).toEqual(ids);
    const custodyOf = async (zip: Blob) => JSON.parse(await (await JSZip.loadAsync(await zip.arrayBuffer())).file('custody.json')!.async('string'));
    const custody = await custodyOf(out.blob);
    // Written before the export: the captures of the selection in full, the other one as a link.
    expect(custody.entries.map((e: { event: string; seq: number }) => [e.event, e.seq])).toEqual([
      ['capture', 1],
      ['capture', 3],
    ]);
    expect(custody.links.map((l: { seq: number }) => l.seq)).toEqual([2]);
    expect(custody.head.seq).toBe(3);
    // Written after: one export entry per capture, naming the package by its manifest's hash.
    const manifestSha256 = await sha256Text(await (await JSZip.loadAsync(bytes)).file('manifest.json')!.async('string'));
    const exports = (await readCustody(db)).filter((e) => e.event === 'export');
    expect(exports.map((e) => [e.seq, e.captureId])).toEqual([
      [4, ids[0]],
      [5, ids[1]],
    ]);
    expect(exports[0]?.detail).toBe(`package ${out.fileName} (manifest.json SHA-256 ${manifestSha256}, ${out.blob.size} bytes)`);
    expect(await verifyCustodyChain(await readCustody(db))).toEqual([]);
    const next = await exportEvidence(db, { ...options, captureIds: [ids[0]!] });
    const nextCustody = await custodyOf(next.blob);
    expect(nextCustody.entries.map((e: { event: string; seq: number }) => [e.event, e.seq])).toEqual([
      ['capture', 3],
      ['export', 4],
    ]);
    expect(nextCustody.links.map((l: { seq: number }) => l.seq)).toEqual([5]);
    expect((await verifyPackage(new Uint8Array(await next.blob.arrayBuffer()))).status).toBe('intact');
    db.close();
  });

  it('exports everything when nothing is selected', async () => {
    const { db } = await seeded(2);
    const out = await exportEvidence(db, options);
    expect(out.manifest.captures).toHaveLength(2);
    expect(out.fileName).toBe('listingproof-selection-20261122-0905.zip');
    db.close();
  });

  it('refuses a changed stored artifact and records the failure', async () => {
    const { db, made } = await seeded(1);
    const id = made[0]!.record.id;
    await db.artifactBlobs.put({ id: `${id}/listing.json`, captureId: id, data: new Blob(['{"title":"edited"}']) });
    await expect(exportEvidence(db, options)).rejects.toThrow(`captures/${id}/listing.json`);
    const log = await readCustody(db, [id]);
    expect(log.map((e) => e.event)).toEqual(['capture', 'note']); // a failure entry, no export entry
    expect(log[1]?.detail).toContain('failed');
    db.close();
  });
});
