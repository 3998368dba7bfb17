import { AwsV4Signer } from 'aws4fetch';

// One signed S3 request over fetch (SigV4 by aws4fetch, path-style `<endpoint>/<bucket>/<key>`).
// The payload hash is always signed (never UNSIGNED-PAYLOAD): RGW and S3 recompute it and refuse
// a body that changed on the way (XAmzContentSHA256Mismatch).

/** Derived signing keys by secret, day, region and service: four HMACs saved per request. */
const signingKeys = new Map<string, ArrayBuffer>();

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SigningKeys {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** `s3` for the locker; the AWS test suite signs for `service` */
  service?: string;
}

export interface S3Call {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string | null;
  /** lowercase hex SHA-256 of the body; computed when absent */
  payloadSha256?: string;
  /** yyyymmddThhmmssZ, for test vectors; now when absent */
  datetime?: string;
}

export interface SignedCall {
  method: string;
  url: string;
  headers: Headers;
  /** a Blob when the caller sends stored bytes without holding them (the signed hash covers them) */
  body: Uint8Array | string | Blob | null;
}

async function sha256Hex(body: Uint8Array | string | null | undefined): Promise<string> {
  if (body == null || body.length === 0) return EMPTY_SHA256;
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function signCall(keys: SigningKeys, call: S3Call): Promise<SignedCall> {
  const service = keys.service ?? 's3';
  const headers = new Headers(call.headers);
  // The test suite's services sign the body themselves; for S3 the hash travels as a header.
  if (service === 's3') headers.set('X-Amz-Content-Sha256', call.payloadSha256 ?? (await sha256Hex(call.body)));
  const signer = new AwsV4Signer({
    method: call.method,
    url: call.url,
    headers,
    body: call.body as BodyInit | null | undefined,
    accessKeyId: keys.accessKeyId,
    secretAccessKey: keys.secretAccessKey,
    service,
    region: keys.region,
    datetime: call.datetime,
    cache: signingKeys,
    // sign Content-Type too: whatever the locker stores with the object is covered
    allHeaders: true,
  });
  const signed = await signer.sign();
  return { method: signed.method, url: signed.url.toString(), headers: signed.headers, body: call.body ?? null };
}

/** What went wrong talking to the locker: `outage` is retried later, `refused` waits for new settings. */
export class LockerError extends Error {
  constructor(
    readonly kind: 'outage' | 'refused',
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'LockerError';
  }
}

/** The text of the first `<tag>` in an S3 XML answer (answers are small and flat; no DOM in a worker). */
export function xmlValue(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

/**
 * Sends a signed call without waiting for the answer: the caller can use the CPU meanwhile (an
 * upload computes its Content-MD5 and signs its PUT while its HEAD is on the way), then await.
 * Network failures and 5xx become `outage`, other non-2xx answers `refused`.
 */
export function sendSigned(signed: SignedCall, what: string, acceptStatus: readonly number[] = []): { answer: Promise<Response> } {
  const answer = (async () => {
    let res: Response;
    try {
      res = await fetch(signed.url, { method: signed.method, headers: signed.headers, body: signed.body as BodyInit | null, cache: 'no-store' });
    } catch (err) {
      throw new LockerError('outage', `${what}: the locker is unreachable (${err instanceof Error ? err.message : String(err)})`);
    }
    if (res.ok || acceptStatus.includes(res.status)) return res;
    const text = await res.text().catch(() => '');
    const code = xmlValue(text, 'Code');
    const detail = `${what}: the locker answered ${res.status}${code ? ` ${code}` : ''}`;
    if (res.status >= 500 || res.status === 429 || res.status === 408) throw new LockerError('outage', detail, res.status, code);
    throw new LockerError('refused', detail, res.status, code);
  })();
  answer.catch(() => undefined); // awaited by the caller; never an unhandled rejection meanwhile
  // wrapped: an async caller returning the promise itself would wait for the answer
  return { answer };
}

export async function startCall(keys: SigningKeys, call: S3Call, what: string, acceptStatus: readonly number[] = []): Promise<{ answer: Promise<Response> }> {
  return sendSigned(await signCall(keys, call), what, acceptStatus);
}

export async function sendCall(keys: SigningKeys, call: S3Call, what: string, acceptStatus: readonly number[] = []): Promise<Response> {
  return (await startCall(keys, call, what, acceptStatus)).answer;
}
