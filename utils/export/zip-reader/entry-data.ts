import type { ZipSource } from '@/utils/export/zip-reader/zip-source';
import { crc32 as jsCrc32 } from '@/utils/export/zip-reader/crc32';
import { METHOD_DEFLATE, METHOD_STORE, type ZipEntry } from '@/utils/export/zip-reader/zip-entry';

// Streams one entry's bytes to `onChunk`, inflating as it reads (DecompressionStream exists in
// the browser and in node), checking its CRC and size, and stopping as soon as it goes beyond a
// limit: a bomb is cut off after at most one input chunk's worth of output.

/** Compressed input per step; deflate's ratio tops out near 1032:1, so one step yields at most ~17 MiB (a browser queues all of it before we can stop). */
const DEFLATED_CHUNK = 16 * 1024;
const STORED_CHUNK = 1024 * 1024;

export interface EntryLimit {
  bytes: number;
  /** what set the limit, for the problem line, e.g. "the 4096 bytes manifest.json declares" */
  what: string;
}

export type EntryReadResult = { ok: true; bytes: number } | { ok: false; bytes: number; message: string };

/** Continues a CRC-32 over `data`; the JS one by default, node passes zlib's native one. */
export type Crc32 = (data: Uint8Array, previous: number) => number;

async function* compressedChunks(source: ZipSource, entry: ZipEntry, chunkBytes: number, reuse = false): AsyncGenerator<Uint8Array> {
  const start = entry.dataOffset ?? 0;
  // One buffer for the whole entry when the source can fill it: a 100 MB screenshot then costs
  // one chunk of memory instead of a hundred chunks of garbage.
  const buffer = reuse && source.readInto ? new Uint8Array(Math.min(chunkBytes, entry.compressedSize)) : undefined;
  for (let at = 0; at < entry.compressedSize; at += chunkBytes) {
    const want = Math.min(chunkBytes, entry.compressedSize - at);
    const chunk =
      buffer && source.readInto ? buffer.subarray(0, await source.readInto(start + at, buffer.subarray(0, want))) : await source.read(start + at, want);
    if (!chunk.length) throw new Error('the file ends inside the entry');
    yield chunk;
  }
}

function streamOf(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

function inflated(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return streamOf(chunks).pipeThrough(new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>);
}

/**
 * Reads the entry once; `onChunk` sees every inflated byte in order, each chunk valid only during
 * the call (a buffer may be reused: copy what you keep). `dataOffset` must be set (checkLocalHeaders).
 */
export async function readEntryData(
  source: ZipSource,
  entry: ZipEntry,
  limit: EntryLimit,
  onChunk: (chunk: Uint8Array) => void,
  crc32: Crc32 = jsCrc32,
): Promise<EntryReadResult> {
  if (entry.dataOffset === undefined) return { ok: false, bytes: 0, message: 'its local header could not be read' };
  if (entry.method !== METHOD_STORE && entry.method !== METHOD_DEFLATE)
    return { ok: false, bytes: 0, message: `compression method ${entry.method} cannot be read` };
  const stop = Math.min(limit.bytes, entry.size);
  let bytes = 0;
  let crc = 0;
  // Stored data needs no stream machinery: chunks go straight from the source to the checks.
  const chunks = entry.method === METHOD_STORE ? compressedChunks(source, entry, STORED_CHUNK, true) : undefined;
  const reader = chunks
    ? { read: () => chunks.next(), cancel: () => chunks.return(undefined) }
    : inflated(compressedChunks(source, entry, DEFLATED_CHUNK)).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (bytes + value.byteLength > stop) {
        await reader.cancel().catch(() => undefined);
        const over = limit.bytes < entry.size ? limit.what : `the ${entry.size} bytes its zip headers declare`;
        return { ok: false, bytes, message: `inflates beyond ${over}: stopped reading it there` };
      }
      bytes += value.byteLength;
      crc = crc32(value, crc);
      onChunk(value);
    }
  } catch (e) {
    return { ok: false, bytes, message: `its data cannot be read (${e instanceof Error ? e.message : String(e)})` };
  }
  if (bytes !== entry.size) return { ok: false, bytes, message: `inflates to ${bytes} bytes, its zip headers declare ${entry.size}` };
  if (crc !== entry.crc)
    return { ok: false, bytes, message: `its CRC-32 is ${crc.toString(16).padStart(8, '0')}, its zip headers say ${entry.crc.toString(16).padStart(8, '0')}` };
  return { ok: true, bytes };
}
