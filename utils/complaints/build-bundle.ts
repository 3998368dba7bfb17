import JSZip from 'jszip';
import type { ListingProofDatabase } from '@/utils/db/database';
import type { Locale } from '@/utils/i18n/locale';
import { exportEvidence } from '@/utils/export/export-from-db';
import { packageFileName } from '@/utils/export/package-name';
import type { ExportProgress } from '@/utils/export/build-package';
import { platformsOf, type Channel } from '@/utils/complaints/channels';
import { linkFiles } from '@/utils/complaints/link-files';
import { evidenceIndexCsv, evidenceIndexRows } from '@/utils/complaints/evidence-index';
import { evidenceIndexHtml } from '@/utils/complaints/evidence-index-html';
import { complaintFormText } from '@/utils/complaints/form-text';
import { statusOf } from '@/utils/cases/case-status';

// A complaint bundle for one platform's IP portal (contract §6.4): link files of canonical URLs,
// the evidence index as CSV and as a printable page, the text the form asks for, and one
// evidence package holding exactly the bundle's captures.

export interface ComplaintBundleOptions {
  channel: Channel;
  /** the captures ticked in the dashboard; those of other channels are left out */
  selectedIds: readonly string[];
  actor: string;
  softwareVersion: string;
  locale: Locale;
  now?: Date;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ComplaintBundle {
  blob: Blob;
  fileName: string;
  captureIds: string[];
  links: number;
}

/** The selection's captures of this channel; with none selected, every capture of its open cases. */
export async function bundleCaptureIds(db: ListingProofDatabase, channel: Channel, selectedIds: readonly string[]): Promise<string[]> {
  const platforms = platformsOf(channel);
  if (selectedIds.length > 0) {
    const picked = await db.captures.bulkGet([...selectedIds]);
    return picked.filter((c) => c !== undefined && platforms.includes(c.platform)).map((c) => c!.id);
  }
  const open = new Set((await db.cases.toArray()).filter((k) => platforms.includes(k.platform) && statusOf(k) !== 'closed').map((k) => k.id));
  return (await db.captures.orderBy('capturedAt').toArray()).filter((c) => open.has(c.caseId)).map((c) => c.id);
}

export async function buildComplaintBundle(db: ListingProofDatabase, options: ComplaintBundleOptions): Promise<ComplaintBundle> {
  const now = options.now ?? new Date();
  const ids = await bundleCaptureIds(db, options.channel, options.selectedIds);
  if (ids.length === 0) throw new Error(`no captures for the ${options.channel} channel`);
  const pkg = await exportEvidence(db, {
    captureIds: ids,
    actor: options.actor,
    softwareVersion: options.softwareVersion,
    locale: options.locale,
    label: `${options.channel}-complaint`,
    now,
    onProgress: options.onProgress,
  });
  const rows = evidenceIndexRows(pkg.manifest);
  const links = linkFiles(
    options.channel,
    pkg.manifest.captures.filter((c) => /^\d+$/.test(c.itemId)),
  );
  const newest = [...pkg.manifest.captures].sort((a, b) => (a.verdict.listUpdatedAt ?? '').localeCompare(b.verdict.listUpdatedAt ?? '')).at(-1);
  const zip = new JSZip();
  const date = now;
  for (const f of links) zip.file(f.path, f.text, { date, createFolders: false });
  zip.file('evidence-index.csv', evidenceIndexCsv(rows), { date, createFolders: false });
  zip.file('evidence-index.html', evidenceIndexHtml(rows, pkg.fileName, now.toISOString()), { date, createFolders: false });
  zip.file(
    'complaint-form.txt',
    complaintFormText({
      channel: options.channel,
      manifest: pkg.manifest,
      packageName: pkg.fileName,
      links,
      brand: newest?.verdict.listBrand ?? '',
      listUpdatedAt: newest?.verdict.listUpdatedAt ?? '',
    }),
    { date, createFolders: false },
  );
  zip.file(`evidence/${pkg.fileName}`, pkg.blob, { date, createFolders: false, compression: 'STORE' });
  const blob = await zip.generateAsync({ type: 'blob', mimeType: 'application/zip', compression: 'DEFLATE', platform: 'UNIX' });
  return { blob, fileName: packageFileName(`complaint-${options.channel}`, now), captureIds: ids, links: links.reduce((n, f) => n + f.urls.length, 0) };
}
