import type { Locale } from '@/utils/i18n/locale';
import type { LockerCaptureRef } from '@/utils/locker/list-captures';
import type { LockerTarget } from '@/utils/locker/target';
import type { Artifact, CaptureEnvironment, CaptureRecord } from '@/utils/model/capture';
import type { Manifest } from '@/utils/model/manifest';
import { SEAL_PATH, SEAL_TOKEN_PATH, type InvestigatorKeyRecord, type TimestampRecord } from '@/utils/model/trust';
import { buildPackage, type ExportProgress } from '@/utils/export/build-package';
import { packageFileName } from '@/utils/export/package-name';
import { buildSignatureFiles, SIGNATURE_PATH, SIGNATURE_TOKEN_PATH } from '@/utils/trust/signature-file';
import { requestTimestamp, type TsaEndpoint } from '@/utils/trust/tsp-client';
import { readCheckedObject, type CheckedObject } from '@/utils/team/locker-object';
import { describeLockerCapture, type TeamCapture } from '@/utils/team/team-capture';

// A §3 package built from the locker's objects, the files exactly as uploaded (seal and token
// included), each checked against its x-amz-meta-sha256 and then against the seal. The package
// is signed by the investigator who downloads it; each capture's seal still names the key that
// made it, and the verifier says both.

export interface LockerPackageInput {
  target: LockerTarget;
  refs: readonly LockerCaptureRef[];
  /** the downloading investigator's key and name: they sign signature.json */
  key: InvestigatorKeyRecord;
  investigator: { name: string; org: string };
  tsas: TsaEndpoint[];
  softwareVersion: string;
  locale: Locale;
  now?: Date;
  onProgress?: (p: ExportProgress) => void;
}

export interface LockerPackage {
  blob: Blob;
  fileName: string;
  manifest: Manifest;
  manifestText: string;
}

/** The browser and viewport stay in the capturing profile; the locker holds only the files. */
const NOT_IN_LOCKER: CaptureEnvironment = {
  userAgent: '',
  browser: '',
  extensionVersion: '',
  os: '',
  timeZone: '',
  language: '',
  viewport: { width: 0, height: 0, devicePixelRatio: 0 },
};
const FROM_LOCKER_WARNING =
  'team locker: this capture was read back from the team locker; its environment (browser, viewport) and how each file was made stay in the capturing investigator’s profile';

type Stamp = Pick<TimestampRecord, 'status' | 'genTime' | 'serial' | 'tsrSha256' | 'tsrBytes'>;

interface LockerCapture {
  record: CaptureRecord;
  files: Map<string, CheckedObject>;
  timestamp: Stamp;
}

function recordOf(d: TeamCapture, artifacts: Artifact[], where: string): CaptureRecord {
  const { seal } = d;
  const who = seal.investigator.org ? `${seal.investigator.name} (${seal.investigator.org})` : seal.investigator.name;
  return {
    id: seal.captureId,
    kind: d.kind,
    caseId: '',
    platform: seal.platform,
    url: seal.url,
    finalUrl: d.finalUrl,
    pageTitle: d.pageTitle,
    itemId: seal.itemId,
    title: d.title,
    shop: d.shop,
    price: { lowest: d.lowestPrice, currency: 'CNY' },
    verdict: d.verdict,
    startedAt: seal.capturedAt,
    capturedAt: seal.capturedAt,
    investigator: who,
    extractorVersion: d.extractorVersion,
    environment: NOT_IN_LOCKER,
    artifacts,
    warnings: [...d.warnings, FROM_LOCKER_WARNING],
    notes: `sealed by investigator key ${seal.investigator.keyId}; read back from the team locker ${where}`,
  };
}

async function readLockerCapture(t: LockerTarget, ref: LockerCaptureRef): Promise<LockerCapture> {
  const prefix = `listingproof/${ref.keyId}/${ref.captureId}/`;
  const files = new Map<string, CheckedObject>();
  const read = async (path: string, optional: boolean) => {
    if (!files.has(path)) {
      const got = await readCheckedObject(t, prefix + path, optional);
      if (got) files.set(path, got);
    }
    return files.get(path);
  };
  const described = await describeLockerCapture(ref, async (path) => (await read(path, true))?.bytes);
  const artifacts: Artifact[] = [];
  for (const f of [...described.seal.files, { path: SEAL_PATH }]) {
    const got = (await read(f.path, false))!;
    // the seal's hash is the evidence: an object that differs from it is not this capture's file
    if ('sha256' in f && (got.sha256 !== f.sha256 || got.bytes.byteLength !== f.bytes))
      throw new Error(`${prefix}${f.path}: the locker's object (sha256 ${got.sha256}) is not the file sealed in ${SEAL_PATH} (sha256 ${f.sha256})`);
    // method is required in the record but never written: the package leaves artifact methods out
    artifacts.push({ path: f.path, mediaType: got.mediaType, bytes: got.bytes.byteLength, sha256: got.sha256, method: 'extractor' });
  }
  const tsr = files.get(SEAL_TOKEN_PATH);
  const timestamp: Stamp =
    tsr && described.timestamp
      ? { status: 'stamped', genTime: described.timestamp.genTime, serial: described.timestamp.serial, tsrSha256: tsr.sha256, tsrBytes: tsr.bytes.byteLength }
      : { status: 'pending' };
  return { record: recordOf(described, artifacts, `${t.origin}/${t.bucket}`), files, timestamp };
}

export async function buildLockerPackage(input: LockerPackageInput): Promise<LockerPackage> {
  const now = input.now ?? new Date();
  const captures: LockerCapture[] = [];
  for (const ref of input.refs) captures.push(await readLockerCapture(input.target, ref));
  const byId = new Map(captures.map((c) => [c.record.id, c]));
  const fileName = packageFileName('team', now);
  const result = await buildPackage({
    captures: captures.map((c) => c.record),
    readArtifact: async (captureId, path) => byId.get(captureId)?.files.get(path)?.bytes,
    custody: [],
    softwareVersion: input.softwareVersion,
    locale: input.locale,
    createdAt: now,
    packageName: fileName,
    onProgress: input.onProgress,
    timestamps: new Map(captures.map((c) => [c.record.id, c.timestamp])),
    signer: { keyId: input.key.keyId, ...input.investigator },
    withoutArtifactMethods: true,
    sign: async (manifestBytes) => {
      const files = await buildSignatureFiles({
        manifestBytes,
        key: input.key,
        investigator: input.investigator,
        created: now.toISOString(),
        tsas: input.tsas,
        request: (digest, tsas) => requestTimestamp(digest, tsas, { timeoutMs: 5000 }),
      });
      return [{ path: SIGNATURE_PATH, bytes: files.json }, ...(files.tsr ? [{ path: SIGNATURE_TOKEN_PATH, bytes: files.tsr }] : [])];
    },
  });
  return { blob: result.blob, fileName, manifest: result.manifest, manifestText: result.manifestText };
}
