import { z } from 'zod';
import type { ImportProblem } from '@/utils/model/authorized-list';
import { problem } from '@/utils/authorized/problems';
import { sha256Bytes } from '@/utils/export/digest';
import { base64ToBytes, bytesToBase64, cryptoView } from '@/utils/trust/bytes';

// A brand's list is signed detached: `<list>.json` and beside it `<list>.json.sig`, a small JSON
// holding an ES256 signature (IEEE P1363, r ‖ s) over the exact bytes of the list. The key id is
// the SHA-256 of the brand key's SPKI DER, as for investigators' keys.

export const LIST_SIGNATURE_FORMAT = 'listingproof-list-signature';
/** A signature file is a few hundred bytes; anything much larger is not one. */
export const MAX_SIGNATURE_BYTES = 64 * 1024;

export const listSignatureSchema = z.object({
  format: z.literal(LIST_SIGNATURE_FORMAT),
  formatVersion: z.literal(1),
  alg: z.literal('ES256'),
  sigFormat: z.literal('ieee-p1363'),
  keyId: z.string().regex(/^[0-9a-f]{64}$/, 'keyId must be 64 lowercase hex characters'),
  signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'signature must be base64'),
  /** the list's file name, for people; the signature covers the bytes, not the name */
  signed: z.string().optional(),
  created: z.string().optional(),
});
export type ListSignature = z.infer<typeof listSignatureSchema>;

/** The brand's public key as pinned in settings: SPKI DER and its id. */
export interface BrandKey {
  spki: Uint8Array;
  keyId: string;
}

/** Where a list's signature is published: the list's URL with `.sig` added to its path. */
export function signatureUrl(listUrl: string): string {
  const u = new URL(listUrl);
  u.pathname += '.sig';
  return u.href;
}

const where = { row: 0, field: 'signature' };

function parseSignatureFile(bytes: Uint8Array): { ok: true; sig: ListSignature } | { ok: false; detail: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return { ok: false, detail: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const parsed = listSignatureSchema.safeParse(json);
  if (parsed.success) return { ok: true, sig: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, detail: `${issue.path.join('.') || '(file)'}: ${issue.message}` };
}

/** Checks `sigBytes` (the `.sig` file) over `listBytes` against the pinned key; undefined when it holds. */
export async function checkListSignature(listBytes: Uint8Array, sigBytes: Uint8Array, key: BrandKey, url: string): Promise<ImportProblem | undefined> {
  const parsed = parseSignatureFile(sigBytes);
  if (!parsed.ok) return problem('signature-malformed', where, { url, detail: parsed.detail });
  const { sig } = parsed;
  if (sig.keyId !== key.keyId) return problem('signature-other-key', where, { keyId: sig.keyId, pinned: key.keyId });
  const raw = base64ToBytes(sig.signature);
  if (raw.byteLength !== 64) return problem('signature-malformed', where, { url, detail: `signature is ${raw.byteLength} bytes; ES256 in ieee-p1363 has 64` });
  const publicKey = await crypto.subtle.importKey('spki', cryptoView(key.spki), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, cryptoView(raw), cryptoView(listBytes));
  return ok ? undefined : problem('signature-invalid', where, { url });
}

/** The `.sig` file for `listBytes`, made with the brand's private key (the sign-list script). */
export async function signList(listBytes: Uint8Array, privateKey: CryptoKey, spki: Uint8Array, signed?: string, now = new Date()): Promise<string> {
  const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, cryptoView(listBytes)));
  const sig: ListSignature = {
    format: LIST_SIGNATURE_FORMAT,
    formatVersion: 1,
    alg: 'ES256',
    sigFormat: 'ieee-p1363',
    keyId: await sha256Bytes(spki),
    signature: bytesToBase64(raw),
    ...(signed ? { signed } : {}),
    created: now.toISOString(),
  };
  return `${JSON.stringify(sig, null, 2)}\n`;
}
