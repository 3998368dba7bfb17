import { manifestFileSchema, manifestSchema, MANIFEST_FORMAT, MANIFEST_FORMAT_VERSION, type ManifestFile } from '@/utils/model/manifest';
import { sha256Bytes } from '@/utils/export/digest';
import { jsSha256, type Sha256Factory } from '@/utils/export/incremental-sha256';
import { manifestDigest } from '@/utils/export/manifest-digest';
import { PackageReader } from '@/utils/export/package-reader';
import { checkCustodyFile, checkSignatures, checkSums } from '@/utils/export/verify-parts';
import { SIGNATURE_PATH, SIGNATURE_TOKEN_PATH } from '@/utils/trust/signature-file';
import { verifyTrust, type TrustOptions, type TrustReport } from '@/utils/export/verify-trust';
import { openStrictZip, type Crc32, type ZipLimits } from '@/utils/export/zip-reader/strict-zip';
import { blobSource, bytesSource, type ZipSource } from '@/utils/export/zip-reader/zip-source';
import { DEFAULT_ZIP_LIMITS } from '@/utils/export/zip-reader/zip-entry';

// Checks an evidence package against its own manifest and SHA256SUMS. Runs in the extension
// and in node. Never trusts the manifest's own claims: every byte is re-read and re-hashed. The
// zip itself is read strictly (zip-reader/): the central directory and every local header must
// agree, names must be safe, and each entry is inflated once, streaming, within the size the
// manifest declares, so a forged or bomb zip is refused before it costs time or memory.

export type VerifyStatus = 'intact' | 'tampered' | 'unreadable';

export interface VerifyProblem {
  /** the file the problem is about, or `(package)` */
  path: string;
  message: string;
}

export interface VerifyResult {
  status: VerifyStatus;
  problems: VerifyProblem[];
  files: { path: string; ok: boolean }[];
  /** the digest a signature or timestamp covers (see manifest-digest.ts), when the manifest is JSON */
  manifestDigest?: string;
  /** what proves less than it could: missing seals, tokens or signature, untrusted or late tokens (§6.6) */
  warnings?: VerifyProblem[];
  /** per capture the trusted time and TSA, and the package signature */
  trust?: Pick<TrustReport, 'captures' | 'signature'>;
  /** every name in the zip's central directory, in order (what `unzip -l` lists) */
  entries?: string[];
}

export type PackageInput = Uint8Array | Blob | ZipSource;

export interface VerifyOptions extends TrustOptions {
  /** incremental SHA-256 (default: pure JS, for the browser; the CLI passes node's) */
  sha256?: Sha256Factory;
  limits?: Partial<ZipLimits>;
  /** CRC-32 (default: JS; the CLI passes zlib's) */
  crc32?: Crc32;
}

export const PACKAGE = '(package)';

/** Root files that are not listed in the manifest's `files` (contract §6.3), with how large each may inflate. */
export const UNLISTED_FILES: ReadonlyMap<string, number> = new Map([
  ['manifest.json', 32 * 1024 * 1024],
  ['SHA256SUMS', 16 * 1024 * 1024],
  [SIGNATURE_PATH, 1024 * 1024],
  [SIGNATURE_TOKEN_PATH, 1024 * 1024],
]);
/** No package inflates beyond this, whatever its manifest says. */
export const MAX_TOTAL_INFLATED = 16 * 1024 ** 3;
/** Entries a later check reads again (custody, seals, signatures) are kept in memory up to this size. */
const KEEP_BYTES = 4 * 1024 * 1024;

const unreadable = (message: string): VerifyResult => ({ status: 'unreadable', problems: [{ path: PACKAGE, message }], files: [] });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toSource(input: PackageInput): ZipSource {
  if (input instanceof Uint8Array) return bytesSource(input);
  if (typeof Blob !== 'undefined' && input instanceof Blob) return blobSource(input);
  return input as ZipSource;
}

const keepsBytes = (path: string, bytes: number) => bytes <= KEEP_BYTES && /(\.json|\.tsr|^SHA256SUMS)$/.test(path);

export async function verifyPackage(input: PackageInput, options: VerifyOptions = {}): Promise<VerifyResult> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  let zip;
  try {
    zip = await openStrictZip(toSource(input), limits, options.crc32);
  } catch (e) {
    return unreadable(`not a readable zip file (${e instanceof Error ? e.message : String(e)})`);
  }
  const entries = zip.entries.map((e) => e.name);
  const problems: VerifyProblem[] = zip.problems.map(({ path, message }) => ({ path, message }));
  if (zip.unreadable) return { status: 'unreadable', problems, files: [], entries };
  const report = (path: string, message: string) => problems.push({ path, message });
  const reader = new PackageReader(zip, options.sha256 ?? jsSha256, report);
  const names = new Set(reader.files.keys());
  const giveUp = (message: string, path = PACKAGE): VerifyResult => ({ status: 'unreadable', problems: [...problems, { path, message }], files: [], entries });
  if (!names.has('manifest.json')) return giveUp('no manifest.json: not an evidence package');
  const read = reader.read;

  const manifestBytes = await read('manifest.json', UNLISTED_FILES.get('manifest.json'));
  if (!manifestBytes) return { status: 'tampered', problems, files: [{ path: 'manifest.json', ok: false }], entries };
  const manifestHash = await sha256Bytes(manifestBytes);
  const looksLikePackage = names.has('SHA256SUMS');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    if (!looksLikePackage) return giveUp('manifest.json is not JSON: not an evidence package', 'manifest.json');
    report('manifest.json', 'not well-formed JSON');
  }
  if (isRecord(raw)) {
    if (raw.format !== MANIFEST_FORMAT && !looksLikePackage) return giveUp(`manifest.json is not a ${MANIFEST_FORMAT} manifest`, 'manifest.json');
    if (typeof raw.formatVersion === 'number' && raw.formatVersion > MANIFEST_FORMAT_VERSION) {
      return giveUp(`formatVersion ${raw.formatVersion} is newer than this verifier reads (${MANIFEST_FORMAT_VERSION})`, 'manifest.json');
    }
  } else if (raw !== undefined) {
    if (!looksLikePackage) return giveUp('manifest.json is not a manifest object', 'manifest.json');
    report('manifest.json', 'not a JSON object');
  }

  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success && isRecord(raw)) {
    for (const issue of parsed.error.issues.slice(0, 20)) report('manifest.json', `not well-formed at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  // Check whatever file entries are well-formed even when another part of the manifest is not.
  const rawFiles = isRecord(raw) && Array.isArray(raw.files) ? raw.files : [];
  const listed: ManifestFile[] = parsed.success
    ? parsed.data.files
    : rawFiles.flatMap((f) => {
        const r = manifestFileSchema.safeParse(f);
        return r.success ? [r.data] : [];
      });

  // Nothing inflates beyond what the manifest declares plus the few files it does not list.
  const declared = listed.reduce((n, f) => n + f.bytes, 0) + [...UNLISTED_FILES.values()].reduce((n, b) => n + b, 0);
  reader.limitTotal(Math.min(MAX_TOTAL_INFLATED, declared));
  const files: VerifyResult['files'] = [];
  const actualHash = new Map<string, string>();
  const measured = new Map<string, { sha256: string; bytes: number }>();
  const listedPaths = new Set<string>();
  for (const f of listed) {
    let ok = true;
    const fail = (message: string) => {
      ok = false;
      report(f.path, message);
    };
    const again = listedPaths.has(f.path);
    if (again) fail('listed twice in manifest.json');
    listedPaths.add(f.path);
    if (UNLISTED_FILES.has(f.path)) fail(`${[...UNLISTED_FILES.keys()].join(', ')} must not be listed in files`);
    if (!names.has(f.path)) {
      fail('listed in manifest.json but missing from the package');
    } else if (!again) {
      const checked = await reader.check(f.path, { bytes: f.bytes, what: `the ${f.bytes} bytes manifest.json declares` }, keepsBytes(f.path, f.bytes));
      if (!checked) ok = false;
      else {
        actualHash.set(f.path, checked.sha256);
        measured.set(f.path, { sha256: checked.sha256, bytes: checked.bytes });
        if (checked.bytes !== f.bytes) fail(`size is ${checked.bytes} bytes, manifest.json says ${f.bytes}`);
        if (checked.sha256 !== f.sha256) fail(`SHA-256 is ${checked.sha256}, manifest.json says ${f.sha256}`);
      }
    }
    files.push({ path: f.path, ok });
  }

  const missing = listed.filter((f) => !names.has(f.path));
  for (const [name, entry] of reader.files) {
    if (UNLISTED_FILES.has(name) || listedPaths.has(name)) continue;
    // Hash it only when a missing file of exactly its size could have been renamed to it.
    const candidates = missing.filter((f) => f.bytes === entry.size);
    const checked = candidates.length ? await reader.check(name, { bytes: entry.size, what: `its own declared size` }) : undefined;
    const renamedFrom = checked && candidates.find((f) => f.sha256 === checked.sha256)?.path;
    report(name, renamedFrom ? `not listed in manifest.json: the content of ${renamedFrom} (renamed?)` : 'in the package but not listed in manifest.json');
    files.push({ path: name, ok: false });
  }

  if (parsed.success) {
    for (const c of parsed.data.captures) {
      for (const path of c.files) {
        if (!listedPaths.has(path)) report(path, `capture ${c.id} names it, but manifest.json files does not list it`);
        if (!path.startsWith(`captures/${c.id}/`)) report(path, `not inside the folder of capture ${c.id}`);
      }
    }
    const claimed = new Set(parsed.data.captures.flatMap((c) => c.files));
    for (const f of listed) if (f.path.startsWith('captures/') && !claimed.has(f.path)) report(f.path, 'in no capture of manifest.json');
    await checkCustodyFile(parsed.data, read, report);
  }

  const sumsOk = await checkSums(names.has('SHA256SUMS') ? await read('SHA256SUMS') : undefined, listed, manifestHash, actualHash, report);
  const digest = isRecord(raw) ? await manifestDigest(raw).catch(() => undefined) : undefined;
  if (parsed.success && digest) checkSignatures(parsed.data, digest, report);
  const trust = await verifyTrust({ manifestBytes, manifest: raw, names, read, measured: (path) => measured.get(path) }, options);
  problems.push(...trust.failures);

  const manifestOk = !problems.some((p) => p.path === 'manifest.json');
  files.unshift({ path: 'manifest.json', ok: manifestOk }, { path: 'SHA256SUMS', ok: sumsOk });
  const { captures, signature } = trust;
  return {
    status: problems.length ? 'tampered' : 'intact',
    problems,
    files,
    manifestDigest: digest,
    entries,
    warnings: trust.warnings,
    trust: { captures, signature },
  };
}
