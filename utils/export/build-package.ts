import type { CustodyRecord } from '@/utils/db/database';
import type { Locale } from '@/utils/i18n/locale';
import type { CaptureRecord } from '@/utils/model/capture';
import { SEAL_PATH, SEAL_TOKEN_PATH, type TimestampRecord } from '@/utils/model/trust';
import { manifestSchema, zipPathSchema, type Manifest, type ManifestCapture, type ManifestFile } from '@/utils/model/manifest';
import { localIsoString } from '@/utils/evidence/local-time';
import { shouldDeflate } from '@/utils/export/compression';
import { custodyJson, type CustodyLink } from '@/utils/export/custody-json';
import { sha256Bytes, sha256Text } from '@/utils/export/digest';
import { reportHtml } from '@/utils/export/report-html';
import { formatSha256Sums } from '@/utils/export/sha256sums';
import { blobSink, writeZip, type ZipEntrySource, type ZipSink } from '@/utils/export/zip-writer';

// Builds an evidence package (contract §3). Everything but the artifact bytes is known up front
// (the stored hashes are what the package states), so manifest.json comes first; each artifact is
// then read, re-hashed and streamed one at a time, and a mismatch aborts the whole package.

export type ArtifactReader = (captureId: string, path: string) => Promise<Blob | Uint8Array | undefined>;

export interface ExportProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface BuildPackageInput {
  captures: readonly CaptureRecord[];
  readArtifact: ArtifactReader;
  /** custody entries of these captures, in seq order */
  custody: readonly CustodyRecord[];
  /** newest entry of the whole log at export time (defaults to the last of `custody`) */
  custodyHead?: { seq: number; hash: string };
  /** the log's other entries from the first of `custody` to the head (custody-links.ts) */
  custodyLinks?: readonly CustodyLink[];
  softwareVersion: string;
  locale: Locale;
  createdAt?: Date;
  /** the download name, shown in the report's verify command */
  packageName?: string;
  onProgress?: (progress: ExportProgress) => void;
  /** each sealed capture's timestamp row; a stamped one adds its seal.tsr (read with readArtifact) */
  timestamps?: ReadonlyMap<string, Pick<TimestampRecord, 'status' | 'tsa' | 'genTime' | 'serial' | 'tsrSha256' | 'tsrBytes'>>;
  /** who signs, shown in the report (key fingerprint and investigator) */
  signer?: { keyId: string; name: string; org: string };
  /**
   * Signs the exact bytes of manifest.json; the files it returns go at the root of the zip,
   * outside the manifest's files and SHA256SUMS (signature.json, signature.tsr: §6.3).
   */
  sign?: (manifestBytes: Uint8Array) => Promise<RootFile[]>;
  /**
   * Captures read back from the team locker: how each file was made is recorded only in the
   * profile that captured it, so the manifest leaves `artifacts` (method, note) out.
   */
  withoutArtifactMethods?: boolean;
}

export interface RootFile {
  path: string;
  bytes: Uint8Array;
}

export interface PackageResult {
  manifest: Manifest;
  manifestText: string;
  /** size of the zip */
  bytes: number;
  /** the files `sign` added at the root */
  rootFiles: string[];
}

/** A stored artifact whose bytes no longer match the hash or size recorded at capture time. */
export class ArtifactIntegrityError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}; the package was not created`);
    this.name = 'ArtifactIntegrityError';
  }
}

const enc = new TextEncoder();

type TimestampSource = NonNullable<BuildPackageInput['timestamps']> extends ReadonlyMap<string, infer T> ? T : never;

/** The token file a capture's folder holds: only when stamped, with the hash stored on arrival. */
function tokenArtifact(r: CaptureRecord, ts: TimestampSource | undefined) {
  if (ts?.status !== 'stamped' || !ts.tsrSha256 || ts.tsrBytes === undefined) return undefined;
  if (!r.artifacts.some((a) => a.path === SEAL_PATH)) return undefined;
  return {
    path: SEAL_TOKEN_PATH,
    mediaType: 'application/timestamp-reply',
    bytes: ts.tsrBytes,
    sha256: ts.tsrSha256,
    method: 'rfc3161-timestamp' as const,
    note: `RFC 3161 token over SHA-256 of ${SEAL_PATH}, from ${ts.tsa ?? '?'}`,
  };
}

/** The artifacts the capture folder holds in the package: the stored ones, then seal.tsr. */
function folderArtifacts(r: CaptureRecord, ts: TimestampSource | undefined) {
  const token = tokenArtifact(r, ts);
  return token ? [...r.artifacts, token] : r.artifacts;
}

function manifestTimestamp(r: CaptureRecord, ts: TimestampSource | undefined): ManifestCapture['timestamp'] {
  // Captures stored before seals have no token to wait for: no entry (the verifier warns).
  if (!ts || !r.artifacts.some((a) => a.path === SEAL_PATH)) return undefined;
  if (ts.status !== 'stamped') return { status: ts.status, ...(ts.tsa ? { tsa: ts.tsa } : {}) };
  return { status: 'stamped', tsa: ts.tsa, genTime: ts.genTime, serial: ts.serial };
}

function manifestCapture(r: CaptureRecord, ts: TimestampSource | undefined, withMethods = true): ManifestCapture {
  const artifacts = folderArtifacts(r, ts);
  const files = artifacts.map((a) => `captures/${r.id}/${a.path}`);
  for (const path of files) if (!zipPathSchema.safeParse(path).success) throw new Error(`${path}: not a safe ASCII path inside a zip`);
  return {
    id: r.id,
    kind: r.kind,
    capturedAt: r.capturedAt,
    startedAt: r.startedAt,
    url: r.url,
    finalUrl: r.finalUrl,
    pageTitle: r.pageTitle,
    platform: r.platform,
    itemId: r.itemId,
    title: r.title,
    shop: { name: r.shop.name, id: r.shop.id, sellerId: r.shop.sellerId },
    price: { lowest: r.price.lowest, currency: 'CNY' },
    verdict: r.verdict,
    investigator: r.investigator,
    environment: r.environment,
    extractorVersion: r.extractorVersion,
    warnings: r.warnings,
    notes: r.notes,
    files,
    artifacts: withMethods ? artifacts.map((a) => ({ path: a.path, method: a.method, note: a.note })) : undefined,
    timestamp: manifestTimestamp(r, ts),
    ...(r.source ? { source: r.source } : {}),
  };
}

async function toBytes(data: Blob | Uint8Array): Promise<Uint8Array> {
  return data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
}

/** Writes the package into `sink`. Rejects (and writes no more) if any artifact fails its check. */
export async function writePackage(input: BuildPackageInput, sink: ZipSink): Promise<PackageResult> {
  const created = input.createdAt ?? new Date();
  const createdAt = localIsoString(created);
  const ids = new Set(input.captures.map((c) => c.id));
  if (ids.size !== input.captures.length) throw new Error('the same capture was selected twice');

  const ts = (r: CaptureRecord) => input.timestamps?.get(r.id);
  const captures = input.captures.map((r) => manifestCapture(r, ts(r), !input.withoutArtifactMethods));
  const artifactFiles: ManifestFile[] = input.captures.flatMap((r) =>
    folderArtifacts(r, ts(r)).map((a) => ({ path: `captures/${r.id}/${a.path}`, sha256: a.sha256, bytes: a.bytes, mediaType: a.mediaType })),
  );
  const last = input.custody.at(-1);
  const head = input.custodyHead ?? { seq: last?.seq ?? 0, hash: last?.hash ?? '' };
  const custodyBytes = enc.encode(custodyJson(input.custody, head, input.custodyLinks));
  const custodyFile: ManifestFile = {
    path: 'custody.json',
    sha256: await sha256Bytes(custodyBytes),
    bytes: custodyBytes.byteLength,
    mediaType: 'application/json',
  };

  const reportBytes = enc.encode(
    reportHtml({
      createdAt,
      softwareVersion: input.softwareVersion,
      locale: input.locale,
      captures,
      files: [...artifactFiles, custodyFile],
      custody: input.custody,
      packageName: input.packageName,
      signer: input.signer,
    }),
  );
  const reportFile: ManifestFile = { path: 'report.html', sha256: await sha256Bytes(reportBytes), bytes: reportBytes.byteLength, mediaType: 'text/html' };

  const parsed = manifestSchema.safeParse({
    format: 'listingproof-evidence',
    formatVersion: 1,
    createdAt,
    software: { name: 'listingproof', version: input.softwareVersion },
    locale: input.locale,
    captures,
    files: [reportFile, custodyFile, ...artifactFiles],
    custody: { path: 'custody.json', entries: input.custody.length, headSeq: head.seq, headHash: head.hash },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`cannot build the manifest: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const manifest = parsed.data;
  const paths = new Set(manifest.files.map((f) => f.path));
  if (paths.size !== manifest.files.length) throw new Error('two files share one path');
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const manifestBytes = enc.encode(manifestText);
  const sums = formatSha256Sums([...manifest.files, { path: 'manifest.json', sha256: await sha256Text(manifestText) }]);

  const fixed = (path: string, bytes: Uint8Array): ZipEntrySource => ({ path, compress: true, load: async () => bytes });
  const sumsBytes = enc.encode(sums);
  const rootFiles = input.sign ? await input.sign(manifestBytes) : [];
  for (const f of rootFiles)
    if (paths.has(f.path) || f.path === 'manifest.json' || f.path === 'SHA256SUMS' || f.path.includes('/'))
      throw new Error(`${f.path}: not a free root file name`);
  const entries: ZipEntrySource[] = [
    fixed('manifest.json', manifestBytes),
    fixed('SHA256SUMS', sumsBytes),
    ...rootFiles.map((f) => fixed(f.path, f.bytes)),
    fixed('report.html', reportBytes),
    fixed('custody.json', custodyBytes),
  ];
  for (const r of input.captures) {
    for (const a of folderArtifacts(r, ts(r))) {
      const path = `captures/${r.id}/${a.path}`;
      entries.push({
        path,
        compress: shouldDeflate(a.path, a.mediaType),
        load: async () => {
          const stored = await input.readArtifact(r.id, a.path);
          if (!stored) throw new ArtifactIntegrityError(path, 'the stored file is missing');
          const bytes = await toBytes(stored);
          if (bytes.byteLength !== a.bytes)
            throw new ArtifactIntegrityError(path, `stored size ${bytes.byteLength} differs from ${a.bytes} recorded at capture`);
          if ((await sha256Bytes(bytes)) !== a.sha256) throw new ArtifactIntegrityError(path, 'stored bytes no longer match the SHA-256 recorded at capture');
          return bytes;
        },
      });
    }
  }

  const bytesTotal =
    manifestBytes.byteLength +
    sumsBytes.byteLength +
    rootFiles.reduce((n, f) => n + f.bytes.byteLength, 0) +
    reportBytes.byteLength +
    custodyBytes.byteLength +
    artifactFiles.reduce((n, f) => n + f.bytes, 0);
  const progress: ExportProgress = { filesDone: 0, filesTotal: entries.length, bytesDone: 0, bytesTotal };
  input.onProgress?.({ ...progress });
  const bytes = await writeZip(entries, sink, {
    date: created,
    onEntryDone: (_path, n) => {
      progress.filesDone++;
      progress.bytesDone += n;
      input.onProgress?.({ ...progress });
    },
  });
  return { manifest, manifestText, bytes, rootFiles: rootFiles.map((f) => f.path) };
}

/** Builds the package as one Blob (the browser download). */
export async function buildPackage(input: BuildPackageInput): Promise<PackageResult & { blob: Blob }> {
  const out = blobSink();
  const result = await writePackage(input, out.sink);
  return { ...result, blob: out.finish() };
}
