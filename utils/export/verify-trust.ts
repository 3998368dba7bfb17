import { checkCaptureSeal, type CaptureTrust, type Finding } from '@/utils/trust/check-seal';
import { checkSignature, SIGNATURE_PATH, SIGNATURE_TOKEN_PATH, type SignatureTrust } from '@/utils/trust/check-signature';
import { bundledRootsDer } from '@/utils/trust/tsp-verify';

// The trust half of verification (contract §6.3, §6.6): seals against their folders, timestamp
// tokens, and the package signature. Takes plain inputs (names, a reader, the manifest bytes and
// object), so it does not care how the zip was read. Failures mean tampering; warnings are what
// older packages lack or a token that proves less, and fail only with requireTimestamps.

export { SIGNATURE_PATH, SIGNATURE_TOKEN_PATH };
export type { CaptureTrust, SignatureTrust };

export interface TrustOptions {
  /** DER roots trusted besides the bundled ones (`--trust`) */
  trustedRoots?: readonly Uint8Array[];
  /** leave out the bundled roots (tests) */
  withoutBundledRoots?: boolean;
}

export interface TrustInputs {
  /** the exact bytes of manifest.json (what signature.json signs) */
  manifestBytes: Uint8Array;
  /** manifest.json parsed as JSON (not yet validated) */
  manifest: unknown;
  names: Iterable<string>;
  read: (path: string) => Promise<Uint8Array | undefined>;
  /** sizes and hashes the package check measured while reading each file once */
  measured?: (path: string) => { sha256: string; bytes: number } | undefined;
}

export interface TrustReport {
  failures: Finding[];
  warnings: Finding[];
  captures: CaptureTrust[];
  signature: SignatureTrust;
}

interface CaptureFields {
  id: string;
  capturedAt: string;
  url?: string;
  platform?: string;
  itemId?: string;
  timestamp?: unknown;
}

function capturesOf(manifest: unknown): CaptureFields[] {
  const captures = (manifest as { captures?: unknown } | null)?.captures;
  if (!Array.isArray(captures)) return [];
  return captures.flatMap((c: unknown) => {
    const r = c as Record<string, unknown> | null;
    if (!r || typeof r.id !== 'string' || typeof r.capturedAt !== 'string' || !/^[\x21-\x7e]+$/.test(r.id) || r.id.includes('/')) return [];
    const text = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
    return [{ id: r.id, capturedAt: r.capturedAt, url: text('url'), platform: text('platform'), itemId: text('itemId'), timestamp: r.timestamp }];
  });
}

export async function verifyTrust(inputs: TrustInputs, options: TrustOptions = {}): Promise<TrustReport> {
  const names = new Set(inputs.names);
  const trustedRoots = [...(options.withoutBundledRoots ? [] : bundledRootsDer()), ...(options.trustedRoots ?? [])];
  const failures: Finding[] = [];
  const warnings: Finding[] = [];
  const fail = (f: Finding) => failures.push(f);
  const warn = (f: Finding) => warnings.push(f);
  const captures: CaptureTrust[] = [];
  for (const capture of capturesOf(inputs.manifest)) {
    captures.push(await checkCaptureSeal({ capture, names, read: inputs.read, measured: inputs.measured, trustedRoots, fail, warn }));
  }
  const signature = await checkSignature({ manifestBytes: inputs.manifestBytes, names, read: inputs.read, trustedRoots, fail, warn });
  // A rotated key legitimately differs; a package re-signed by someone else does too, so say it.
  const otherKeys = [...new Set(captures.flatMap((c) => (c.keyId && c.keyId !== signature.keyId ? [c.keyId] : [])))];
  if (signature.status === 'ok' && otherKeys.length)
    warn({ path: SIGNATURE_PATH, message: `signed by key ${signature.keyId}, but captures were sealed by key ${otherKeys.join(', ')}` });
  // signature.json's investigator is not under the signature; the seals' (stamped) one is.
  const who = (p?: { name: string; org: string }) => (p ? JSON.stringify([p.name, p.org]) : undefined);
  const sealedBy = [...new Set(captures.flatMap((c) => (c.investigator ? [who(c.investigator)!] : [])))];
  if (signature.investigator && sealedBy.length && !sealedBy.includes(who(signature.investigator)!)) {
    warn({ path: SIGNATURE_PATH, message: `names the investigator ${who(signature.investigator)}, but the seals name ${sealedBy.join(', ')}` });
  }
  return { failures, warnings, captures, signature };
}
