import { z } from 'zod';
import { sha256Bytes } from '@/utils/export/digest';
import { captureTimestampSchema, sealSchema, SEAL_PATH, SEAL_TOKEN_PATH } from '@/utils/model/trust';
import { sha256 } from '@/utils/trust/bytes';
import { verifyTimestampToken } from '@/utils/trust/tsp-verify';

// One capture's seal.json against its folder, and its seal.tsr against the seal (contract §6.3,
// §6.6). Failures prove tampering; warnings are what a package from before seals lacks, or a
// token that proves less than it could (no trusted root, or stamped long after the capture).

export type Finding = { path: string; message: string };

export interface CaptureTrust {
  id: string;
  sealSha256?: string;
  /** the investigator key id the seal names */
  keyId?: string;
  /** who the seal says made the capture */
  investigator?: { name: string; org: string };
  token: 'ok' | 'untrusted' | 'failed' | 'missing';
  /** the token's time, when it could be read */
  trustedTime?: string;
  /** the TSA URL from the manifest, else the TSA's name from the token */
  tsa?: string;
  serial?: string;
}

export interface SealInputs {
  capture: { id: string; capturedAt: string; url?: string; platform?: string; itemId?: string; timestamp?: unknown };
  /** every file name in the package */
  names: ReadonlySet<string>;
  read: (path: string) => Promise<Uint8Array | undefined>;
  /** the size and SHA-256 the package check already measured, so large files are not read twice */
  measured?: (path: string) => { sha256: string; bytes: number } | undefined;
  trustedRoots: readonly Uint8Array[];
  fail: (f: Finding) => void;
  warn: (f: Finding) => void;
}

const EARLY_SLACK_MS = 60_000;
const LATE_WARNING_MS = 10 * 60_000;

async function checkSealFiles(folder: string, seal: z.infer<typeof sealSchema>, inputs: SealInputs): Promise<void> {
  const sealPath = folder + SEAL_PATH;
  const inFolder = [...inputs.names].filter((n) => n.startsWith(folder) && n !== sealPath && n !== folder + SEAL_TOKEN_PATH);
  const sealed = new Set<string>();
  for (const f of seal.files) {
    const path = folder + f.path;
    if (sealed.has(path)) inputs.fail({ path: sealPath, message: `lists ${f.path} twice` });
    sealed.add(path);
    if (f.path === SEAL_PATH || f.path === SEAL_TOKEN_PATH) inputs.fail({ path: sealPath, message: `must not list ${f.path}` });
    if (!inputs.names.has(path)) {
      inputs.fail({ path, message: `sealed in ${sealPath} but missing from the package` });
      continue;
    }
    let actual = inputs.measured?.(path);
    if (!actual) {
      const bytes = await inputs.read(path);
      if (!bytes) continue; // unreadable: reported by the package check
      actual = { bytes: bytes.byteLength, sha256: await sha256Bytes(bytes) };
    }
    if (actual.bytes !== f.bytes) inputs.fail({ path, message: `size is ${actual.bytes} bytes, ${sealPath} sealed ${f.bytes}` });
    const hash = actual.sha256;
    if (hash !== f.sha256) inputs.fail({ path, message: `SHA-256 is ${hash}, ${sealPath} sealed ${f.sha256}` });
  }
  for (const name of inFolder)
    if (!sealed.has(name)) inputs.fail({ path: name, message: `in the capture folder but not sealed in ${sealPath} (added after the capture?)` });
}

function checkSealIdentity(sealPath: string, seal: z.infer<typeof sealSchema>, capture: SealInputs['capture'], fail: SealInputs['fail']): void {
  const pairs: [string, string | undefined, string | undefined][] = [
    ['captureId', seal.captureId, capture.id],
    ['capturedAt', seal.capturedAt, capture.capturedAt],
    ['url', seal.url, capture.url],
    ['platform', seal.platform, capture.platform],
    ['itemId', seal.itemId, capture.itemId],
  ];
  for (const [field, sealed, listed] of pairs) {
    if (listed !== undefined && sealed !== listed)
      fail({ path: sealPath, message: `${field} is ${JSON.stringify(sealed)}, manifest.json says ${JSON.stringify(listed)}` });
  }
}

export async function checkCaptureSeal(inputs: SealInputs): Promise<CaptureTrust> {
  const { capture, names, read, fail, warn } = inputs;
  const folder = `captures/${capture.id}/`;
  const sealPath = folder + SEAL_PATH;
  const tokenPath = folder + SEAL_TOKEN_PATH;
  const result: CaptureTrust = { id: capture.id, token: 'missing' };
  const stamp = captureTimestampSchema.safeParse(capture.timestamp);
  if (capture.timestamp !== undefined && !stamp.success) fail({ path: 'manifest.json', message: `capture ${capture.id}: timestamp is not well-formed` });
  const claimed = stamp.success ? stamp.data : undefined;

  if (!names.has(sealPath)) {
    warn({ path: folder, message: 'no seal.json: the capture was not sealed (package from before seals)' });
    if (names.has(tokenPath)) fail({ path: tokenPath, message: 'a token without the seal.json it covers' });
    if (claimed?.status === 'stamped') fail({ path: 'manifest.json', message: `capture ${capture.id}: says stamped, but there is no seal.json` });
    return result;
  }
  const sealBytes = await read(sealPath);
  if (!sealBytes) return result;
  result.sealSha256 = await sha256Bytes(sealBytes);
  let parsed;
  try {
    parsed = sealSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(sealBytes)));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) fail({ path: sealPath, message: 'not a well-formed seal (contract §6.3)' });
  else {
    result.keyId = parsed.data.investigator.keyId;
    result.investigator = { name: parsed.data.investigator.name, org: parsed.data.investigator.org };
    checkSealIdentity(sealPath, parsed.data, capture, fail);
    await checkSealFiles(folder, parsed.data, inputs);
  }

  if (!names.has(tokenPath)) {
    if (claimed?.status === 'stamped') fail({ path: tokenPath, message: `missing, but manifest.json says capture ${capture.id} is stamped` });
    else
      warn({ path: tokenPath, message: `no timestamp token (${claimed ? claimed.status : 'no timestamp status'}): nothing proves when the capture existed` });
    return result;
  }
  const tsr = await read(tokenPath);
  if (!tsr) return result;
  const token = await verifyTimestampToken(tsr, await sha256(sealBytes), { trustedRoots: inputs.trustedRoots });
  Object.assign(result, { token: token.status, trustedTime: token.genTime, tsa: claimed?.tsa ?? token.tsa, serial: token.serial });
  for (const problem of token.problems) (token.status === 'failed' ? fail : warn)({ path: tokenPath, message: problem });
  if (!token.genTime || token.status === 'failed') return result;

  const gen = Date.parse(token.genTime);
  const captured = Date.parse(capture.capturedAt);
  if (gen < captured - EARLY_SLACK_MS)
    fail({ path: tokenPath, message: `the token's time ${token.genTime} is before the capture's ${capture.capturedAt}: the capture time is false` });
  else if (gen > captured + LATE_WARNING_MS)
    warn({
      path: tokenPath,
      message: `stamped ${token.genTime}, more than 10 minutes after the capture (${capture.capturedAt}): proves existence only from ${token.genTime}`,
    });

  if (!claimed) fail({ path: 'manifest.json', message: `capture ${capture.id} has a token but no timestamp entry` });
  else {
    if (claimed.status !== 'stamped')
      fail({ path: 'manifest.json', message: `capture ${capture.id}: timestamp status is ${claimed.status}, but ${tokenPath} is a token` });
    if (claimed.genTime !== undefined && Date.parse(claimed.genTime) !== gen)
      fail({ path: 'manifest.json', message: `capture ${capture.id}: timestamp genTime ${claimed.genTime}, the token says ${token.genTime}` });
    if (claimed.serial !== undefined && claimed.serial !== token.serial)
      fail({ path: 'manifest.json', message: `capture ${capture.id}: timestamp serial ${claimed.serial}, the token's is ${token.serial}` });
    if (claimed.status === 'stamped' && (claimed.genTime === undefined || claimed.serial === undefined))
      fail({ path: 'manifest.json', message: `capture ${capture.id}: stamped without genTime and serial` });
  }
  return result;
}
