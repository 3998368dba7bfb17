import { bytesToBase64 } from '@/utils/encoding/base64';
import type { InvestigatorKeyRecord } from '@/utils/model/trust';
import { signBytes } from '@/utils/trust/investigator-key';
import type { StampOutcome, TsaEndpoint } from '@/utils/trust/tsp-client';

// signature.json and signature.tsr at the package root (contract §6.3): the investigator's
// ECDSA P-256 signature over the exact bytes of manifest.json, and, when a TSA answers within
// a short time, a token over SHA-256 of the raw signature. Both stay outside the manifest's
// files (they are made from it); a package without signature.tsr is still a signed package.

export const SIGNATURE_PATH = 'signature.json';
export const SIGNATURE_TOKEN_PATH = 'signature.tsr';

export interface SignatureJson {
  format: 'listingproof-signature';
  formatVersion: 1;
  alg: 'ES256';
  sigFormat: 'ieee-p1363';
  signed: 'manifest.json';
  publicKey: string;
  keyId: string;
  investigator: { name: string; org: string };
  created: string;
  signature: string;
}

export interface SignatureInput {
  manifestBytes: Uint8Array;
  key: InvestigatorKeyRecord;
  investigator: { name: string; org: string };
  /** ISO time of signing */
  created: string;
  tsas: TsaEndpoint[];
  /** the RFC 3161 client, with the export's short timeout already applied */
  request: (digest: Uint8Array, tsas: TsaEndpoint[]) => Promise<StampOutcome>;
}

export interface SignatureFiles {
  signature: SignatureJson;
  /** the bytes of signature.json */
  json: Uint8Array;
  /** signature.tsr when a TSA answered */
  tsr?: Uint8Array;
  /** what the TSA said (undefined: no TSA set) */
  timestamp?: StampOutcome;
}

export async function buildSignatureFiles(input: SignatureInput): Promise<SignatureFiles> {
  const raw = await signBytes(input.key, input.manifestBytes);
  const signature: SignatureJson = {
    format: 'listingproof-signature',
    formatVersion: 1,
    alg: 'ES256',
    sigFormat: 'ieee-p1363',
    signed: 'manifest.json',
    publicKey: bytesToBase64(input.key.publicKeySpki),
    keyId: input.key.keyId,
    investigator: { name: input.investigator.name, org: input.investigator.org },
    created: input.created,
    signature: bytesToBase64(raw),
  };
  const json = new TextEncoder().encode(`${JSON.stringify(signature, null, 2)}\n`);
  if (!input.tsas.length) return { signature, json };
  let timestamp: StampOutcome;
  try {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw as Uint8Array<ArrayBuffer>));
    timestamp = await input.request(digest, input.tsas);
  } catch (err) {
    timestamp = { status: 'pending', reason: err instanceof Error ? err.message : String(err) };
  }
  return { signature, json, tsr: timestamp.status === 'stamped' ? timestamp.tsr : undefined, timestamp };
}
