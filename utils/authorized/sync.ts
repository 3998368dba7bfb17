import { z } from 'zod';
import type { AuthorizedList, ImportProblem } from '@/utils/model/authorized-list';
import { decodeText } from '@/utils/authorized/decode-text';
import { importJsonText } from '@/utils/authorized/import-json';
import { problem } from '@/utils/authorized/problems';

// Fetches the canonical JSON a brand publishes. Never throws: every way it can go wrong is a
// result the caller stores and shows. The body is read as a stream so a size cap holds even when
// the server sends no Content-Length (chunked).

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

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
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https anywhere; plain http only to this machine (a brand's test server). */
export const syncUrlSchema = z.string().trim().refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || (u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname));
  } catch {
    return false;
  }
}, { message: 'insecure-url' });

class TooLarge extends Error {}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new TooLarge();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export async function syncFromUrl(request: SyncRequest): Promise<SyncResult> {
  const where = { row: 0, field: 'url' };
  const maxBytes = request.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!syncUrlSchema.safeParse(request.url).success) return { kind: 'rejected', problems: [problem('insecure-url', where)] };
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.previous?.etag) headers['If-None-Match'] = request.previous.etag;
  if (request.previous?.lastModified) headers['If-Modified-Since'] = request.previous.lastModified;
  let response: Response;
  let bytes: Uint8Array;
  try {
    response = await request.fetch(request.url.trim(), { headers, credentials: 'omit', redirect: 'follow' });
    if (response.status === 304) return { kind: 'unchanged' };
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'rejected', problems: [problem('http-status', where, { status: response.status })] };
    }
    bytes = await readCapped(response, maxBytes);
  } catch (error) {
    if (error instanceof TooLarge) return { kind: 'rejected', problems: [problem('too-large', where, { maxBytes })] };
    return { kind: 'offline', message: error instanceof Error ? error.message : String(error) };
  }
  const outcome = importJsonText(decodeText(bytes));
  if (!outcome.ok) return { kind: 'rejected', problems: outcome.problems };
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  return { kind: 'updated', list: outcome.list, bytes: bytes.byteLength, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
