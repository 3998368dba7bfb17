import type { ZipSource } from '@/utils/export/zip-reader/zip-source';
import { displayName } from '@/utils/export/zip-reader/entry-name';
import { FLAG_DATA_DESCRIPTOR, type ZipEntry, type ZipProblem } from '@/utils/export/zip-reader/zip-entry';

// Reads every entry's local header and compares it with its central header: a tool that reads
// local headers (a streaming unzip) must see the same name, method, flags, CRC and sizes. Also
// checks that the entries tile the file before the central directory: no entry overlaps another
// (the trick of overlapping bombs) and no bytes hide between them.

const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const LOCAL_BYTES = 30;

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

interface LocalRecord {
  entry: ZipEntry;
  /** the first byte after the entry (after its data descriptor, if any) */
  end: number;
}

/** Checks one entry's local header (and data descriptor); sets `dataOffset`. Returns the record's end, or undefined when unreadable. */
async function checkEntry(source: ZipSource, entry: ZipEntry, report: (message: string) => void): Promise<number | undefined> {
  const head = await source.read(entry.localOffset, LOCAL_BYTES);
  if (head.length < LOCAL_BYTES || view(head).getUint32(0, true) !== LOCAL_SIGNATURE) {
    report(`no local header at offset ${entry.localOffset}, where the central directory points`);
    return undefined;
  }
  const v = view(head);
  const flags = v.getUint16(6, true);
  const method = v.getUint16(8, true);
  const [crc, compressedSize, size] = [v.getUint32(14, true), v.getUint32(18, true), v.getUint32(22, true)];
  const nameLength = v.getUint16(26, true);
  const extraLength = v.getUint16(28, true);
  const nameAndExtra = await source.read(entry.localOffset + LOCAL_BYTES, nameLength + extraLength);
  const localName = nameAndExtra.subarray(0, nameLength);
  if (!sameBytes(localName, entry.nameBytes))
    report(`its local header names it "${displayName(localName)}": the central directory and the local header disagree on the name`);
  if (flags !== entry.flags)
    report(`flags differ between the local header (0x${flags.toString(16)}) and the central directory (0x${entry.flags.toString(16)})`);
  if (method !== entry.method) report(`compression method differs between the local header (${method}) and the central directory (${entry.method})`);
  const deferred = (flags & FLAG_DATA_DESCRIPTOR) !== 0;
  // With a data descriptor the local header may carry zeros; anything else must match.
  const compare = (what: string, local: number, central: number) => {
    if (local !== central && !(deferred && local === 0)) report(`${what} differs between the local header (${local}) and the central directory (${central})`);
  };
  compare('CRC', crc, entry.crc);
  compare('compressed size', compressedSize, entry.compressedSize);
  compare('size', size, entry.size);
  for (let x = nameLength; x + 4 <= nameAndExtra.length; x += 4 + view(nameAndExtra).getUint16(x + 2, true)) {
    if (view(nameAndExtra).getUint16(x, true) === 0x7075) report('its local header carries a second name (Info-ZIP Unicode path field)');
  }
  entry.dataOffset = entry.localOffset + LOCAL_BYTES + nameLength + extraLength;
  let end = entry.dataOffset + entry.compressedSize;
  if (deferred) {
    const d = await source.read(end, 16);
    const dv = view(d);
    const signed = d.length >= 4 && dv.getUint32(0, true) === DESCRIPTOR_SIGNATURE;
    const base = signed ? 4 : 0;
    if (d.length < base + 12) {
      report('its data descriptor is cut off');
      return undefined;
    }
    const [dCrc, dCompressed, dSize] = [dv.getUint32(base, true), dv.getUint32(base + 4, true), dv.getUint32(base + 8, true)];
    if (dCrc !== entry.crc || dCompressed !== entry.compressedSize || dSize !== entry.size) {
      report(
        `its data descriptor (CRC ${dCrc}, ${dCompressed} compressed, ${dSize} bytes) differs from the central directory (CRC ${entry.crc}, ${entry.compressedSize} compressed, ${entry.size} bytes)`,
      );
    }
    end += base + 12;
  }
  return end;
}

/** Checks every local header against its central header and the layout of the entries. */
export async function checkLocalHeaders(source: ZipSource, entries: readonly ZipEntry[], centralOffset: number): Promise<ZipProblem[]> {
  const problems: ZipProblem[] = [];
  const records: LocalRecord[] = [];
  for (const entry of [...entries].sort((a, b) => a.localOffset - b.localOffset || a.index - b.index)) {
    const report = (message: string) => problems.push({ path: entry.name, message, severity: 'tampered' });
    if (entry.localOffset + LOCAL_BYTES > centralOffset) {
      report(`its local header (offset ${entry.localOffset}) would lie inside the central directory`);
      continue;
    }
    const end = await checkEntry(source, entry, report);
    if (end === undefined) continue;
    if (end > centralOffset) report(`its data runs into the central directory (ends at ${end}, the directory starts at ${centralOffset})`);
    records.push({ entry, end });
  }
  let covered = 0;
  let previous: LocalRecord | undefined;
  for (const record of records) {
    const { entry } = record;
    if (entry.localOffset < covered && previous)
      problems.push({ path: entry.name, message: `its bytes overlap those of ${previous.entry.name}`, severity: 'tampered' });
    else if (entry.localOffset > covered)
      problems.push({ path: entry.name, message: `${entry.localOffset - covered} bytes before it that no entry accounts for`, severity: 'tampered' });
    covered = Math.max(covered, record.end);
    previous = record;
  }
  if (records.length === entries.length && covered < centralOffset)
    problems.push({ path: '(package)', message: `${centralOffset - covered} bytes after the last entry that no entry accounts for`, severity: 'tampered' });
  return problems;
}
