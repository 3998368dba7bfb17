import type { ListingProofDatabase } from '@/utils/db/database';
import type { Locale } from '@/utils/i18n/locale';
import type { CaptureRecord } from '@/utils/model/capture';
import type { Manifest } from '@/utils/model/manifest';
import { appendCustody, readCustody } from '@/utils/evidence/custody';
import { buildPackage, type ExportProgress } from '@/utils/export/build-package';
import { custodyLinks } from '@/utils/export/custody-links';
import { sha256Text } from '@/utils/export/digest';
import { packageFileName } from '@/utils/export/package-name';

// The dashboard's export: reads the selected captures and their stored bytes, builds the package
// and then records the export in the custody log, naming the package by its manifest's SHA-256
// (or records that it failed). An entry written before would claim a package that may never exist.

export interface ExportEvidenceOptions {
  /** the selected captures; none or empty: every stored capture */
  captureIds?: readonly string[];
  /** who exports (the investigator name from the settings) */
  actor: string;
  softwareVersion: string;
  locale: Locale;
  /** a case name or other label for the file name; default `selection` */
  label?: string;
  now?: Date;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportedPackage {
  blob: Blob;
  fileName: string;
  manifest: Manifest;
}

async function selectedCaptures(db: ListingProofDatabase, ids: readonly string[] | undefined): Promise<CaptureRecord[]> {
  if (!ids?.length) return db.captures.orderBy('capturedAt').toArray();
  const found = await db.captures.bulkGet([...ids]);
  return found.map((c, i) => {
    if (!c) throw new Error(`capture ${ids[i]} is not in the database`);
    return c;
  });
}

export async function exportEvidence(db: ListingProofDatabase, options: ExportEvidenceOptions): Promise<ExportedPackage> {
  const now = options.now ?? new Date();
  const captures = await selectedCaptures(db, options.captureIds);
  if (!captures.length) throw new Error('there are no captures to export');
  const fileName = packageFileName(options.label ?? 'selection', now);
  const ids = captures.map((c) => c.id);
  // The head first: an entry added while reading belongs to the next package, not half to this one.
  const head = await db.custody.orderBy('seq').last();
  const custody = (await readCustody(db, ids)).filter((e) => !head || e.seq <= head.seq);
  let result;
  try {
    result = await buildPackage({
      captures,
      readArtifact: async (captureId, path) => (await db.artifactBlobs.get(`${captureId}/${path}`))?.data,
      custody,
      custodyHead: head ? { seq: head.seq, hash: head.hash } : undefined,
      custodyLinks: head ? await custodyLinks(db, custody, head.seq) : [],
      softwareVersion: options.softwareVersion,
      locale: options.locale,
      createdAt: now,
      packageName: fileName,
      onProgress: options.onProgress,
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    for (const id of ids) await appendCustody(db, { event: 'note', captureId: id, actor: options.actor, detail: `export of ${fileName} failed: ${reason}` });
    throw e;
  }
  const manifestSha256 = await sha256Text(result.manifestText);
  for (const id of ids) await appendCustody(db, { event: 'export', captureId: id, actor: options.actor, detail: `package ${fileName} (manifest.json SHA-256 ${manifestSha256}, ${result.bytes} bytes)` }, now);
  return { blob: result.blob, fileName, manifest: result.manifest };
}
