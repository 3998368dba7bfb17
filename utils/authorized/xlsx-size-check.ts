// An XLSX is a zip: a 100 KB file can hold a sheet of gigabytes. Before the workbook reader sees
// it, every entry's declared size is checked in the central directory, and every entry is then
// inflated once, streaming, and stopped as soon as it passes its cap or its declared size (which
// a forged zip may understate). Nothing bigger than the caps is ever held in memory.

import type { ImportLimits } from '@/utils/authorized/import-limits';

export type XlsxSizeProblem = { kind: 'part-too-large'; part: string; maxBytes: number } | { kind: 'unreadable'; detail: string };

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function centralEntries(bytes: Uint8Array, maxEntries: number): CentralEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'not a zip file (no end of central directory)';
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) return 'ZIP64 workbooks are not supported';
  if (count > maxEntries) return `${count} entries (more than ${maxEntries})`;
  const out: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return `central directory entry ${i + 1} is damaged`;
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    out.push({
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

class OverLimit extends Error {}

/** Inflates `data` (raw deflate) and counts the bytes, stopping past `limit`; returns the size. */
async function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return size;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new OverLimit();
    }
  }
}

/** Undefined when every part fits the limits; otherwise the first problem found. */
export async function checkXlsxSizes(bytes: Uint8Array, limits: ImportLimits): Promise<XlsxSizeProblem | undefined> {
  const entries = centralEntries(bytes, limits.maxXlsxEntries);
  if (typeof entries === 'string') return { kind: 'unreadable', detail: entries };
  let declaredTotal = 0;
  for (const e of entries) {
    declaredTotal += e.size;
    if (e.size > limits.maxXlsxPartBytes) return { kind: 'part-too-large', part: e.name, maxBytes: limits.maxXlsxPartBytes };
    if (declaredTotal > limits.maxXlsxTotalBytes) return { kind: 'part-too-large', part: e.name, maxBytes: limits.maxXlsxTotalBytes };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== LOCAL)
      return { kind: 'unreadable', detail: `local header of ${e.name} is damaged` };
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) return { kind: 'unreadable', detail: `stored entry ${e.name} has two sizes` };
      continue;
    }
    if (e.method !== 8) return { kind: 'unreadable', detail: `${e.name} uses compression method ${e.method}` };
    try {
      // The declared size is already within the cap; more than declared is a forgery.
      await inflatedSize(data, e.size);
    } catch (err) {
      if (err instanceof OverLimit) return { kind: 'part-too-large', part: e.name, maxBytes: Math.min(e.size, limits.maxXlsxPartBytes) };
      return { kind: 'unreadable', detail: `${e.name} cannot be inflated (${err instanceof Error ? err.message : String(err)})` };
    }
  }
  return undefined;
}
