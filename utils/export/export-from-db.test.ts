import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import { appendCustody, readCustody, verifyCustodyChain } from '@/utils/evidence/custody';
import { exportEvidence } from '@/utils/export/export-from-db';
import { verifyPackage } from '@/utils/export/verify-package';
import { makeCapture } from '@/tests/helpers/make-capture';

async function seeded(n: number) {
  const db = new ListingProofDatabase(`export-${crypto.randomUUID()}`);
  const made = await Promise.all(Array.from({ length: n }, () => makeCapture()));
  for (const m of made) {
    await db.captures.put(m.record);
    for (const [path, data] of m.bytes) await db.artifactBlobs.put({ id: `${m.record.id}/${path}`, captureId: m.record.id, data: new Blob([data as Uint8Array<ArrayBuffer>]) });
    await appendCustody(db, { event: 'capture', captureId: m.record.id, actor: '王调查', detail: 'captured' });
  }
  return { db, made };
}

const options = { actor: '王调查', softwareVersion: '0.1.0', locale: 'en' as const, now: new Date(2026, 10, 22, 9, 5) };

describe('exportEvidence', () => {
  it('exports the selection, logs the export and includes it in custody.json', async () => {
    const { db, made } = await seeded(3);
    const ids = [made[2]!.record.id, made[0]!.record.id];
    const out = await exportEvidence(db, { ...options, captureIds: ids, label: 'Case 7' });
    expect(out.fileName).toBe('listingproof-case-7-20261122-0905.zip');
    const bytes = new Uint8Array(await out.blob.arrayBuffer());
    expect((await verifyPackage(bytes)).status).toBe('intact');
    expect(out.manifest.captures.map((c) => c.id)).toEqual(ids);
    const custody = JSON.parse(await (await JSZip.loadAsync(bytes)).file('custody.json')!.async('string'));
    expect(custody.entries.map((e: { event: string }) => e.event)).toEqual(['capture', 'capture', 'export', 'export']);
    expect(custody.head.seq).toBe(5);
    expect(await verifyCustodyChain(await readCustody(db))).toEqual([]);
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
    expect(log.map((e) => e.event)).toEqual(['capture', 'export', 'note']);
    expect(log[2]?.detail).toContain('failed');
    db.close();
  });
});
