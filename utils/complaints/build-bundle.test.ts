import JSZip from 'jszip';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import type { Platform } from '@/utils/model/listing';
import { buildComplaintBundle } from '@/utils/complaints/build-bundle';
import { setCaseStatus } from '@/utils/cases/case-status';
import { verifyPackage } from '@/utils/export/verify-package';
import { manifestSchema } from '@/utils/model/manifest';
import { makeCapture } from '@/tests/helpers/make-capture';

const SHOPS: { caseId: string; platform: Platform; shopId: string; items: string[] }[] = [
  { caseId: 'tb', platform: 'taobao', shopId: '310987654', items: ['781234567890', '781234567891'] },
  { caseId: 'tm', platform: 'tmall', shopId: '100200300', items: ['750123456781'] },
  { caseId: 'tm-closed', platform: 'tmall', shopId: '100200399', items: ['750123456799'] },
  { caseId: 'jd', platform: 'jd', shopId: '1000222127', items: ['100313528034'] },
];

async function seeded() {
  const db = new ListingProofDatabase(`bundle-${crypto.randomUUID()}`);
  const ids: Record<string, string[]> = {};
  for (const shop of SHOPS) {
    await db.cases.put({
      id: shop.caseId,
      platform: shop.platform,
      shopKey: shop.shopId,
      shopName: `店铺 ${shop.caseId}`,
      createdAt: '2026-12-01T00:00:00.000Z',
    });
    for (const itemId of shop.items) {
      const made = await makeCapture({ shopName: `=HYPERLINK("x") 店铺 ${shop.caseId}` });
      Object.assign(made.record, {
        caseId: shop.caseId,
        platform: shop.platform,
        itemId,
        shop: { name: made.record.shop.name, id: shop.shopId, sellerId: '' },
      });
      await db.captures.put(made.record);
      for (const [path, data] of made.bytes)
        await db.artifactBlobs.put({ id: `${made.record.id}/${path}`, captureId: made.record.id, data: new Blob([data as Uint8Array<ArrayBuffer>]) });
      (ids[shop.caseId] ??= []).push(made.record.id);
    }
  }
  await setCaseStatus(db, 'tm-closed', { status: 'closed', actor: 'a' });
  return { db, ids };
}

const options = { actor: '王调查', softwareVersion: '0.1.0', locale: 'zh-CN' as const, now: new Date(2026, 11, 4, 9, 30) };

async function open(blob: Blob) {
  const zip = await JSZip.loadAsync(await blob.arrayBuffer());
  const inner = Object.keys(zip.files).find((p) => p.startsWith('evidence/') && p.endsWith('.zip'))!;
  const pkg = await zip.file(inner)!.async('uint8array');
  const manifest = manifestSchema.parse(JSON.parse(await (await JSZip.loadAsync(pkg)).file('manifest.json')!.async('string')));
  return { zip, pkg, manifest, text: (p: string) => zip.file(p)!.async('string') };
}

describe('complaint bundle', () => {
  it('holds every Taobao and Tmall capture of open cases, and nothing of JD or closed cases', async () => {
    const { db, ids } = await seeded();
    const bundle = await buildComplaintBundle(db, { ...options, channel: 'alibaba', selectedIds: [] });
    expect(bundle.fileName).toBe('listingproof-complaint-alibaba-20261204-0930.zip');
    const { zip, pkg, manifest, text } = await open(bundle.blob);
    expect(
      Object.keys(zip.files)
        .filter((p) => !p.endsWith('/'))
        .sort(),
    ).toEqual(
      [
        'complaint-form.txt',
        'evidence-index.csv',
        'evidence-index.html',
        `evidence/${bundle.fileName.replace('complaint-alibaba', 'alibaba-complaint')}`,
        'links/alibaba-001.txt',
      ].sort(),
    );
    expect(new Set(manifest.captures.map((c) => c.id))).toEqual(new Set([...ids.tb!, ...ids.tm!]));
    expect((await text('links/alibaba-001.txt')).trim().split('\r\n').sort()).toEqual([
      'https://detail.tmall.com/item.htm?id=750123456781',
      'https://item.taobao.com/item.htm?id=781234567890',
      'https://item.taobao.com/item.htm?id=781234567891',
    ]);
    expect((await verifyPackage(pkg)).status).toBe('intact');
    db.close();
  });

  it('indexes exactly the package: one row per capture, hashes and URLs as the manifest says', async () => {
    const { db } = await seeded();
    const { manifest, text } = await open((await buildComplaintBundle(db, { ...options, channel: 'alibaba', selectedIds: [] })).blob);
    const csv = await text('evidence-index.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.captureId)).toEqual(manifest.captures.map((c) => c.id));
    for (const r of rows) {
      const c = manifest.captures.find((x) => x.id === r.captureId)!;
      expect(r.url).toBe(c.platform === 'tmall' ? `https://detail.tmall.com/item.htm?id=${c.itemId}` : `https://item.taobao.com/item.htm?id=${c.itemId}`);
      expect(r.lowestPrice).toBe(c.price.lowest);
      expect(r.seller).toBe(c.verdict.seller);
      // a seller's shop name never becomes a live formula in the spreadsheet
      expect(r.shop!.startsWith("'=")).toBe(true);
      const seal = manifest.files.find((f) => f.path === `captures/${c.id}/seal.json`);
      expect(r.sealSha256).toBe(seal?.sha256 ?? '');
    }
    const html = await text('evidence-index.html');
    expect(html).toContain('证据目录');
    expect(html).toContain('Evidence index');
    expect(html).not.toContain('<script');
    expect(html).toContain('=HYPERLINK(&quot;x&quot;)');
    db.close();
  });

  it('takes only the ticked captures of its own channel', async () => {
    const { db, ids } = await seeded();
    const bundle = await buildComplaintBundle(db, { ...options, channel: 'jd', selectedIds: [ids.tb![0]!, ids.jd![0]!] });
    expect(bundle.captureIds).toEqual(ids.jd);
    expect(await (await open(bundle.blob)).text('links/jd-001.txt')).toBe('https://item.jd.com/100313528034.html\r\n');
    await expect(buildComplaintBundle(db, { ...options, channel: 'pdd', selectedIds: [] })).rejects.toThrow('no captures for the pdd channel');
    db.close();
  });
});
