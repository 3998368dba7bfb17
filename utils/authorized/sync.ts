import { z } from 'zod';
import type { AuthorizedList, ImportProblem } from '@/utils/model/authorized-list';
import { importJsonText } from '@/utils/authorized/import-json';
import { problem } from '@/utils/authorized/problems';
import { readCappedBytes, TooLarge } from '@/utils/authorized/sync-body';
import { decodeText } from '@/utils/authorized/decode-text';
import { checkListSignature, MAX_SIGNATURE_BYTES, signatureUrl, type BrandKey } from '@/utils/authorized/list-signature';

// Fetches the canonical JSON a brand publishes. Never throws: every way it can go wrong is a
// result the caller stores and shows. Redirects are followed by hand, each hop checked against
// the same rule as the URL itself (a hop to plain http elsewhere is never requested), and the
// whole exchange, body included, has a deadline.

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 60_000;
export const MAX_REDIRECTS = 5;

export type SyncResult =
  | { kind: 'updated'; list: AuthorizedList; etag?: string; lastModified?: string; bytes: number }
  | { kind: 'unchanged' }
  | { kind: 'rejected'; problems: ImportProblem[] }
  | { kind: 'offline'; message: string };

export interface SyncRequest {
  url: string;
  fetch: typeof fetch;
  previous?: { etag?: string; lastModified?: string };
  maxBytes?: number;
  /** for the whole exchange: every redirect and the body */
  timeoutMs?: number;
  /** the brand key pinned in settings: the list must come with `<url>.sig` made by it */
  brandKey?: BrandKey;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https anywhere; plain http only to this machine (a brand's test server). */
export const syncUrlSchema = z
  .string()
  .trim()
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'https:' || (u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname));
      } catch {
        return false;
      }
    },
    { message: 'insecure-url' },
  );

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const where = { row: 0, field: 'url' };
const rejected = (...problems: ImportProblem[]): SyncResult => ({ kind: 'rejected', problems });

/** The final response, or a rejection naming the hop that broke the rule. */
async function fetchFollowingByHand(
  request: SyncRequest,
  headers: Record<string, string>,
  signal: AbortSignal,
  start = request.url,
): Promise<Response | SyncResult> {
  let url = start.trim();
  for (let hop = 0; ; hop++) {
    const response = await request.fetch(url, { headers, credentials: 'omit', redirect: 'manual', signal });
    // A browser hides a redirect's target from fetch (an opaque redirect): it cannot be checked.
    if (response.type === 'opaqueredirect') return rejected(problem('hidden-redirect', where));
    if (!REDIRECT_STATUSES.has(response.status)) return response;
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    if (!location) return rejected(problem('http-status', where, { status: response.status }));
    if (hop >= MAX_REDIRECTS) return rejected(problem('too-many-redirects', where, { max: MAX_REDIRECTS }));
    const next = new URL(location, url).href;
    if (!syncUrlSchema.safeParse(next).success) return rejected(problem('insecure-redirect', where, { location: next }));
    url = next;
  }
}

/** `<url>.sig`, by the same rules as the list; a missing one is a rejection naming it. */
async function fetchSignature(request: SyncRequest, signal: AbortSignal): Promise<Uint8Array | SyncResult> {
  const url = signatureUrl(request.url);
  const missing = (detail: string) => rejected(problem('signature-missing', { row: 0, field: 'signature' }, { url, detail }));
  const answer = await fetchFollowingByHand(request, {}, signal, url);
  if (!(answer instanceof Response)) return answer;
  if (!answer.ok) {
    await answer.body?.cancel().catch(() => undefined);
    return missing(`HTTP ${answer.status}`);
  }
  try {
    return await readCappedBytes(answer, MAX_SIGNATURE_BYTES);
  } catch (error) {
    if (error instanceof TooLarge) return missing(`larger than ${MAX_SIGNATURE_BYTES} bytes`);
    throw error;
  }
}

export async function syncFromUrl(request: SyncRequest): Promise<SyncResult> {
  const maxBytes = request.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!syncUrlSchema.safeParse(request.url).success) return rejected(problem('insecure-url', where));
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.previous?.etag) headers['If-None-Match'] = request.previous.etag;
  if (request.previous?.lastModified) headers['If-Modified-Since'] = request.previous.lastModified;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error(`no complete answer within ${timeoutMs / 1000} s`)), timeoutMs);
  let response: Response;
  let body: Uint8Array;
  let signature: Uint8Array | SyncResult | undefined;
  try {
    const answer = await fetchFollowingByHand(request, headers, deadline.signal);
    if (!(answer instanceof Response)) return answer;
    response = answer;
    if (response.status === 304) return { kind: 'unchanged' };
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return rejected(problem('http-status', where, { status: response.status }));
    }
    body = await readCappedBytes(response, maxBytes);
    if (request.brandKey) signature = await fetchSignature(request, deadline.signal);
  } catch (error) {
    if (error instanceof TooLarge) return rejected(problem('too-large', where, { maxBytes }));
    const reason = deadline.signal.aborted ? deadline.signal.reason : error;
    return { kind: 'offline', message: reason instanceof Error ? reason.message : String(reason) };
  } finally {
    clearTimeout(timer);
  }
  // the signature is checked over the exact bytes served, before anything is parsed or kept
  if (signature && !(signature instanceof Uint8Array)) return signature;
  if (request.brandKey && signature) {
    const bad = await checkListSignature(body, signature, request.brandKey, signatureUrl(request.url));
    if (bad) return rejected(bad);
  }
  const bytes = body.byteLength;
  const text = decodeText(body);
  body = new Uint8Array(0); // the text alone from here on: a large list is not held twice
  const outcome = importJsonText(text);
  if (!outcome.ok) return { kind: 'rejected', problems: outcome.problems };
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  return { kind: 'updated', list: outcome.list, bytes, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
