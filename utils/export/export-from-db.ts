import type { ListingProofDatabase } from '@/utils/db/database';
import type { Locale } from '@/utils/i18n/locale';
import type { CaptureRecord } from '@/utils/model/capture';
import type { Manifest } from '@/utils/model/manifest';
import { appendCustody, readCustody } from '@/utils/evidence/custody';
import { buildPackage, type ExportProgress } from '@/utils/export/build-package';
import { custodyLinks } from '@/utils/export/custody-links';
import { sha256Text } from '@/utils/export/digest';
import { packageFileName } from '@/utils/export/package-name';
import { ensureKey } from '@/utils/trust/investigator-key';
import { buildSignatureFiles, SIGNATURE_PATH, SIGNATURE_TOKEN_PATH } from '@/utils/trust/signature-file';
import { requestTimestamp, type StampOutcome, type TsaEndpoint } from '@/utils/trust/tsp-client';

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
  /** sign manifest.json with the investigator's key (signature.json), timestamped when a TSA answers */
  signing?: {
    investigator: { name: string; org: string };
    tsas: TsaEndpoint[];
    /** the export waits this long at most for signature.tsr, then goes on without it */
    timeoutMs?: number;
  };
}

/** Whether the package got signature.tsr, and why not. */
export interface SignatureOutcome {
  keyId: string;
  timestamp: StampOutcome['status'] | 'none';
  reason?: string;
}

const SIGNATURE_TSA_TIMEOUT_MS = 5000;

export interface ExportedPackage {
  blob: Blob;
  fileName: string;
  manifest: Manifest;
  /** absent when the export was not signed */
  signature?: SignatureOutcome;
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
  const timestamps = new Map((await db.timestamps.bulkGet(ids)).flatMap((t) => (t ? [[t.captureId, t] as const] : [])));
  const signing = options.signing;
  const key = signing ? await ensureKey(db, options.actor) : undefined;
  let signature: SignatureOutcome | undefined;
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
      timestamps,
      signer: key && signing ? { keyId: key.keyId, ...signing.investigator } : undefined,
      sign:
        key && signing
          ? async (manifestBytes) => {
              const timeoutMs = signing.timeoutMs ?? SIGNATURE_TSA_TIMEOUT_MS;
              const files = await buildSignatureFiles({
                manifestBytes,
                key,
                investigator: signing.investigator,
                created: now.toISOString(),
                tsas: signing.tsas,
                request: (digest, tsas) => requestTimestamp(digest, tsas, { timeoutMs }),
              });
              const outcome = files.timestamp;
              signature = {
                keyId: key.keyId,
                timestamp: outcome?.status ?? 'none',
                ...(outcome && outcome.status !== 'stamped' ? { reason: outcome.reason } : {}),
              };
              return [{ path: SIGNATURE_PATH, bytes: files.json }, ...(files.tsr ? [{ path: SIGNATURE_TOKEN_PATH, bytes: files.tsr }] : [])];
            }
          : undefined,
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    for (const id of ids) await appendCustody(db, { event: 'note', captureId: id, actor: options.actor, detail: `export of ${fileName} failed: ${reason}` });
    throw e;
  }
  const manifestSha256 = await sha256Text(result.manifestText);
  for (const id of ids)
    await appendCustody(
      db,
      { event: 'export', captureId: id, actor: options.actor, detail: `package ${fileName} (manifest.json SHA-256 ${manifestSha256}, ${result.bytes} bytes)` },
      now,
    );
  return { blob: result.blob, fileName, manifest: result.manifest, signature };
}
