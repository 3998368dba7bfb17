import { z } from 'zod';
import { sha256Bytes } from '@/utils/export/digest';
import { base64ToBytes, cryptoView, sha256 } from '@/utils/trust/bytes';
import { verifyTimestampToken } from '@/utils/trust/tsp-verify';
import type { Finding } from '@/utils/trust/check-seal';

// signature.json (contract §6.3): ES256 over the exact bytes of manifest.json by the key it
// names, whose id is the SHA-256 of the key's SPKI; and signature.tsr over SHA-256 of the raw
// signature bytes. Read here independently of the code that writes it, as any verifier would.

export const SIGNATURE_PATH = 'signature.json';
export const SIGNATURE_TOKEN_PATH = 'signature.tsr';

const signatureFileSchema = z.object({
  format: z.literal('listingproof-signature'),
  formatVersion: z.literal(1),
  alg: z.literal('ES256'),
  sigFormat: z.literal('ieee-p1363'),
  signed: z.literal('manifest.json'),
  publicKey: z.string().min(1),
  keyId: z.string().regex(/^[0-9a-f]{64}$/),
  investigator: z.object({ name: z.string(), org: z.string() }),
  created: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/),
  signature: z.string().min(1),
});

export interface SignatureTrust {
  status: 'ok' | 'failed' | 'missing';
  keyId?: string;
  investigator?: { name: string; org: string };
  token: 'ok' | 'untrusted' | 'failed' | 'missing';
  trustedTime?: string;
  tsa?: string;
}

export interface SignatureInputs {
  manifestBytes: Uint8Array;
  names: ReadonlySet<string>;
  read: (path: string) => Promise<Uint8Array | undefined>;
  trustedRoots: readonly Uint8Array[];
  fail: (f: Finding) => void;
  warn: (f: Finding) => void;
}

/** base64 text to bytes; undefined when it is not base64. */
function decode(text: string): Uint8Array | undefined {
  try {
    return /^[A-Za-z0-9+/]*={0,2}$/.test(text) ? base64ToBytes(text) : undefined;
  } catch {
    return undefined;
  }
}

async function checkEs256(spki: Uint8Array, signature: Uint8Array, data: Uint8Array): Promise<string | undefined> {
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', cryptoView(spki), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  } catch {
    return 'publicKey is not an ECDSA P-256 SubjectPublicKeyInfo';
  }
  if (signature.byteLength !== 64) return `signature is ${signature.byteLength} bytes, an ES256 ieee-p1363 signature has 64`;
  const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, cryptoView(signature), cryptoView(data));
  return ok ? undefined : 'the signature does not match manifest.json and this key (manifest changed, or signed by another key)';
}

export async function checkSignature(inputs: SignatureInputs): Promise<SignatureTrust> {
  const { names, read, fail, warn } = inputs;
  const result: SignatureTrust = { status: 'missing', token: 'missing' };
  if (!names.has(SIGNATURE_PATH)) {
    warn({ path: SIGNATURE_PATH, message: 'the package is not signed (package from before signatures)' });
    if (names.has(SIGNATURE_TOKEN_PATH)) fail({ path: SIGNATURE_TOKEN_PATH, message: 'a token without the signature.json it covers' });
    return result;
  }
  const bytes = await read(SIGNATURE_PATH);
  if (!bytes) return { ...result, status: 'failed' };
  let parsed;
  try {
    parsed = signatureFileSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    fail({ path: SIGNATURE_PATH, message: 'not a well-formed signature file (contract §6.3: ES256, ieee-p1363, over manifest.json)' });
    return { ...result, status: 'failed' };
  }
  const file = parsed.data;
  Object.assign(result, { keyId: file.keyId, investigator: file.investigator });
  const spki = decode(file.publicKey);
  const signature = decode(file.signature);
  const problems: string[] = [];
  if (!spki) problems.push('publicKey is not base64');
  if (!signature) problems.push('signature is not base64');
  if (spki && (await sha256Bytes(spki)) !== file.keyId) problems.push(`keyId ${file.keyId} is not the SHA-256 of publicKey (${await sha256Bytes(spki)})`);
  if (spki && signature) {
    const problem = await checkEs256(spki, signature, inputs.manifestBytes);
    if (problem) problems.push(problem);
  }
  for (const message of problems) fail({ path: SIGNATURE_PATH, message });
  result.status = problems.length ? 'failed' : 'ok';

  if (!names.has(SIGNATURE_TOKEN_PATH)) {
    warn({ path: SIGNATURE_TOKEN_PATH, message: 'no timestamp token for the signature: nothing proves when the package was signed' });
    return result;
  }
  const tsr = await read(SIGNATURE_TOKEN_PATH);
  if (!tsr || !signature) return { ...result, token: 'failed' };
  const token = await verifyTimestampToken(tsr, await sha256(signature), { trustedRoots: inputs.trustedRoots });
  Object.assign(result, { token: token.status, trustedTime: token.genTime, tsa: token.tsa });
  for (const problem of token.problems) (token.status === 'failed' ? fail : warn)({ path: SIGNATURE_TOKEN_PATH, message: problem });
  return result;
}
