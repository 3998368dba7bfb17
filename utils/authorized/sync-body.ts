import { decodeText } from '@/utils/authorized/decode-text';

// Reads a list's body as text under a size cap, holding one copy of the bytes at a time: with a
// Content-Length the bytes go straight into one buffer of that size; without one (chunked) the
// chunks are joined once and dropped. The bytes are out of reach once the text exists, so a
// large list is never held as several byte copies beside its text.

export class TooLarge extends Error {}

export async function readCappedBytes(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new TooLarge();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  // Content-Length is a claim: a body that runs past it falls back to collecting chunks.
  let single = Number.isSafeInteger(declared) && declared >= 0 ? new Uint8Array(declared) : undefined;
  let parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    if (single && total + value.byteLength <= single.byteLength) single.set(value, total);
    else {
      if (single) parts = [single.subarray(0, total)];
      single = undefined;
      parts.push(value);
    }
    total += value.byteLength;
  }
  if (single) return total === single.byteLength ? single : single.subarray(0, total);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** The body as text and its size in bytes; throws TooLarge past `maxBytes`. */
export async function readCappedText(response: Response, maxBytes: number): Promise<{ text: string; bytes: number }> {
  const bytes = await readCappedBytes(response, maxBytes);
  return { text: decodeText(bytes), bytes: bytes.byteLength };
}
