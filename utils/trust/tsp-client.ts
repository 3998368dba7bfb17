import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ensurePkijsEngine } from '@/utils/trust/pkijs-engine';
import { integerHex, sha256, toArrayBuffer } from '@/utils/trust/bytes';
import { checkImprint, checkTimeStampingPurpose, checkTokenSignature, parseTimeStampResp, TokenFormatError } from '@/utils/trust/tsp-token';
import { checkTokenChain, parseCertificates } from '@/utils/trust/tsp-chain';

// RFC 3161 client: asks each TSA in order for a token over a SHA-256 digest and keeps a reply
// only after checking it (status, imprint, nonce, signature, the signer's purpose). An outage
// leaves the stamp pending (try later); refusals from every TSA that answered make it failed.

export { sha256 };

export interface TsaEndpoint {
  url: string;
  username?: string;
  password?: string;
}

export type StampOutcome =
  | { status: 'stamped'; tsr: Uint8Array; tsa: string; genTime: string /* ISO 8601 UTC Z */; serial: string /* lowercase hex */ }
  | { status: 'pending'; reason: string } // no TSA answered (offline, outage, 5xx, timeout): try again later
  | { status: 'failed'; reason: string }; // every TSA that answered refused (rejection status, bad reply): final

export interface TimestampOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** DER roots; when given, the TSA certificate must also chain to one of them */
  trustedRoots?: Uint8Array[];
}

const ID_SHA256 = '2.16.840.1.101.3.4.2.1';
const DEFAULT_TIMEOUT_MS = 15_000;

type Attempt =
  { kind: 'stamped'; outcome: Extract<StampOutcome, { status: 'stamped' }> } | { kind: 'outage'; reason: string } | { kind: 'refused'; reason: string };

/** DER TimeStampReq over a SHA-256 digest with this nonce, asking for the TSA certificate. */
export function buildTimeStampReq(digest: Uint8Array, nonce: Uint8Array): Uint8Array {
  ensurePkijsEngine();
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: ID_SHA256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  return new Uint8Array(req.toSchema().toBER());
}

/** A random positive 64-bit nonce (top bit clear so the DER INTEGER needs no sign byte). */
function randomNonce(): Uint8Array {
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  nonce[0] = (nonce[0]! & 0x7f) | 0x01;
  return nonce;
}

function basicAuth(endpoint: TsaEndpoint): Record<string, string> {
  if (!endpoint.username && !endpoint.password) return {};
  const raw = new TextEncoder().encode(`${endpoint.username ?? ''}:${endpoint.password ?? ''}`);
  return { authorization: `Basic ${btoa(String.fromCharCode(...raw))}` };
}

async function postQuery(endpoint: TsaEndpoint, body: Uint8Array, doFetch: typeof fetch, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await doFetch(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', ...basicAuth(endpoint) },
      body: body as Uint8Array<ArrayBuffer>,
      signal: controller.signal,
    });
  } finally {
    clearTimeout(timer);
  }
}

async function askTsa(endpoint: TsaEndpoint, digest: Uint8Array, options: TimestampOptions): Promise<Attempt> {
  const nonce = randomNonce();
  let response: Response;
  let body: Uint8Array;
  try {
    response = await postQuery(endpoint, buildTimeStampReq(digest, nonce), options.fetch ?? fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    body = new Uint8Array(await response.arrayBuffer());
  } catch (e) {
    const aborted = e instanceof Error && e.name === 'AbortError';
    return { kind: 'outage', reason: `${endpoint.url}: ${aborted ? 'no answer in time' : `unreachable (${e instanceof Error ? e.message : String(e)})`}` };
  }
  // Server trouble and rate limits pass; any other HTTP refusal (bad credentials, bad request) is the TSA's answer.
  if (response.status >= 500 || response.status === 408 || response.status === 429)
    return { kind: 'outage', reason: `${endpoint.url}: HTTP ${response.status}` };
  if (!response.ok) return { kind: 'refused', reason: `${endpoint.url}: HTTP ${response.status}${response.status === 401 ? ' (credentials refused)' : ''}` };
  const refused = (why: string): Attempt => ({ kind: 'refused', reason: `${endpoint.url}: ${why}` });
  let parsed;
  try {
    parsed = await parseTimeStampResp(body);
  } catch (e) {
    return refused(e instanceof TokenFormatError ? e.message : `bad reply (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!parsed.granted) return refused(`refused the request (${parsed.status}${parsed.text ? `: ${parsed.text}` : ''})`);
  const token = parsed.token;
  const problem =
    checkImprint(token, digest) ??
    (token.nonce === integerHex(nonce) ? undefined : `the reply's nonce (${token.nonce ?? 'none'}) is not the request's (${integerHex(nonce)})`) ??
    checkTimeStampingPurpose(token.signerCert) ??
    (await checkTokenSignature(token));
  if (problem) return refused(problem);
  if (options.trustedRoots) {
    const chain = await checkTokenChain(token, parseCertificates(options.trustedRoots), token.genTime);
    if (chain.status !== 'ok') return refused(chain.problem);
  }
  return { kind: 'stamped', outcome: { status: 'stamped', tsr: body, tsa: endpoint.url, genTime: token.genTime.toISOString(), serial: token.serial } };
}

/** Asks the TSAs in order for a token over `digest` (32-byte SHA-256); never throws. */
export async function requestTimestamp(digest: Uint8Array, tsas: TsaEndpoint[], options: TimestampOptions = {}): Promise<StampOutcome> {
  if (digest.byteLength !== 32) return { status: 'failed', reason: `the digest is ${digest.byteLength} bytes, a SHA-256 digest has 32` };
  if (!tsas.length) return { status: 'pending', reason: 'no TSA configured' };
  const outages: string[] = [];
  const refusals: string[] = [];
  for (const endpoint of tsas) {
    let attempt: Attempt;
    try {
      attempt = await askTsa(endpoint, digest, options);
    } catch (e) {
      attempt = { kind: 'refused', reason: `${endpoint.url}: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (attempt.kind === 'stamped') return attempt.outcome;
    (attempt.kind === 'outage' ? outages : refusals).push(attempt.reason);
  }
  const reasons = [...refusals, ...outages].join('; ');
  return outages.length ? { status: 'pending', reason: reasons } : { status: 'failed', reason: reasons };
}
