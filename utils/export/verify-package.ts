import JSZip from 'jszip';
import { manifestFileSchema, manifestSchema, MANIFEST_FORMAT, MANIFEST_FORMAT_VERSION, type ManifestFile } from '@/utils/model/manifest';
import { sha256Bytes } from '@/utils/export/digest';
import { manifestDigest } from '@/utils/export/manifest-digest';
import { checkCustodyFile, checkSignatures, checkSums } from '@/utils/export/verify-parts';
import { UNLISTED_ROOT_FILES, verifyTrust, type TrustOptions, type TrustReport } from '@/utils/export/verify-trust';

// Checks an evidence package against its own manifest and SHA256SUMS. Runs in the extension
// and in node (JSZip and WebCrypto exist in both). Never trusts the manifest's own claims:
// every byte is re-read and re-hashed.

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
}

export const PACKAGE = '(package)';

const unreadable = (message: string, path = PACKAGE): VerifyResult => ({ status: 'unreadable', problems: [{ path, message }], files: [] });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function verifyPackage(bytes: Uint8Array, options: TrustOptions = {}): Promise<VerifyResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (e) {
    return unreadable(`not a readable zip file (${e instanceof Error ? e.message : String(e)})`);
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const names = new Set(entries.map((f) => f.name));
  const manifestEntry = zip.file('manifest.json');
  if (!manifestEntry) return unreadable('no manifest.json: not an evidence package');

  const problems: VerifyProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  const read = async (name: string): Promise<Uint8Array | undefined> => {
    try {
      return await zip.file(name)?.async('uint8array');
    } catch (e) {
      report(name, `cannot be read from the zip (${e instanceof Error ? e.message : String(e)})`);
      return undefined;
    }
  };

  const manifestBytes = await read('manifest.json');
  if (!manifestBytes) return { status: 'tampered', problems, files: [{ path: 'manifest.json', ok: false }] };
  const manifestHash = await sha256Bytes(manifestBytes);
  const looksLikePackage = names.has('SHA256SUMS');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    if (!looksLikePackage) return unreadable('manifest.json is not JSON: not an evidence package', 'manifest.json');
    report('manifest.json', 'not well-formed JSON');
  }
  if (isRecord(raw)) {
    if (raw.format !== MANIFEST_FORMAT && !looksLikePackage) return unreadable(`manifest.json is not a ${MANIFEST_FORMAT} manifest`, 'manifest.json');
    if (typeof raw.formatVersion === 'number' && raw.formatVersion > MANIFEST_FORMAT_VERSION) {
      return unreadable(`formatVersion ${raw.formatVersion} is newer than this verifier reads (${MANIFEST_FORMAT_VERSION})`, 'manifest.json');
    }
  } else if (raw !== undefined) {
    if (!looksLikePackage) return unreadable('manifest.json is not a manifest object', 'manifest.json');
    report('manifest.json', 'not a JSON object');
  }

  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success && isRecord(raw)) {
    for (const issue of parsed.error.issues.slice(0, 20)) report('manifest.json', `not well-formed at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  // Check whatever file entries are well-formed even when another part of the manifest is not.
  const rawFiles = isRecord(raw) && Array.isArray(raw.files) ? raw.files : [];
  const listed: ManifestFile[] = parsed.success ? parsed.data.files : rawFiles.flatMap((f) => {
    const r = manifestFileSchema.safeParse(f);
    return r.success ? [r.data] : [];
  });

  const files: VerifyResult['files'] = [];
  const actualHash = new Map<string, string>();
  const listedPaths = new Set<string>();
  for (const f of listed) {
    let ok = true;
    const fail = (message: string) => {
      ok = false;
      report(f.path, message);
    };
    if (listedPaths.has(f.path)) fail('listed twice in manifest.json');
    listedPaths.add(f.path);
    if (f.path === 'manifest.json' || f.path === 'SHA256SUMS') fail('manifest.json and SHA256SUMS must not be listed in files');
    if (!names.has(f.path)) {
      fail('listed in manifest.json but missing from the package');
    } else {
      const data = await read(f.path);
      if (!data) ok = false;
      else {
        const hash = await sha256Bytes(data);
        actualHash.set(f.path, hash);
        if (data.byteLength !== f.bytes) fail(`size is ${data.byteLength} bytes, manifest.json says ${f.bytes}`);
        if (hash !== f.sha256) fail(`SHA-256 is ${hash}, manifest.json says ${f.sha256}`);
      }
    }
    files.push({ path: f.path, ok });
  }

  const missingByHash = new Map(listed.filter((f) => !names.has(f.path)).map((f) => [f.sha256, f.path]));
  for (const name of names) {
    if (UNLISTED_ROOT_FILES.includes(name) || listedPaths.has(name)) continue;
    const data = await read(name);
    const renamedFrom = data ? missingByHash.get(await sha256Bytes(data)) : undefined;
    report(name, renamedFrom ? `not listed in manifest.json: the content of ${renamedFrom} (renamed?)` : 'in the package but not listed in manifest.json');
    files.push({ path: name, ok: false });
  }
  for (const name of names) if (!/^[\x20-\x7e]+$/.test(name)) report(name, 'file name is not ASCII');

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
  const trust = await verifyTrust({ manifestBytes, manifest: raw, names, read }, options);
  problems.push(...trust.failures);

  const manifestOk = !problems.some((p) => p.path === 'manifest.json');
  files.unshift({ path: 'manifest.json', ok: manifestOk }, { path: 'SHA256SUMS', ok: sumsOk });
  const { captures, signature } = trust;
  return { status: problems.length ? 'tampered' : 'intact', problems, files, manifestDigest: digest, warnings: trust.warnings, trust: { captures, signature } };
}
