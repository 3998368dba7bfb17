import type { ZipSource } from '@/utils/export/zip-reader/zip-source';
import { displayName, nameProblem } from '@/utils/export/zip-reader/entry-name';
import { FLAG_ENCRYPTED, METHOD_DEFLATE, METHOD_STORE, type ZipEntry, type ZipLimits, type ZipProblem } from '@/utils/export/zip-reader/zip-entry';

// Reads the end-of-central-directory record and every central header, judging each one on its
// own: names, folder markings, methods, zip64 (our writer, JSZip, never writes it), duplicates.

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_BYTES = 22;
const CENTRAL_BYTES = 46;
const INFO_ZIP_UNICODE_PATH = 0x7075;
const ZIP64_EXTRA = 0x0001;
const DOS_FOLDER = 0x10;
const UNIX_TYPE_MASK = 0o170000;
const UNIX_FOLDER = 0o040000;
const UNIX_FILE = 0o100000;

export interface CentralDirectory {
  entries: ZipEntry[];
  /** where the central directory starts: every entry's data lies before it */
  offset: number;
  problems: ZipProblem[];
}

export const PACKAGE_PATH = '(package)';

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

async function findEndRecord(source: ZipSource): Promise<{ at: number; record: DataView } | string> {
  if (source.size < EOCD_BYTES) return 'too short to be a zip file';
  const tailLength = Math.min(source.size, EOCD_BYTES + 0xffff);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  const v = view(tail);
  // The record whose comment runs exactly to the end of the file; a later look-alike inside a comment does not count.
  for (let i = tail.length - EOCD_BYTES; i >= 0; i--) {
    if (v.getUint32(i, true) === EOCD_SIGNATURE && i + EOCD_BYTES + v.getUint16(i + 20, true) === tail.length) {
      return { at: tailStart + i, record: new DataView(tail.buffer, tail.byteOffset + i, EOCD_BYTES) };
    }
  }
  return 'no end-of-central-directory record: not a zip file, or a truncated one';
}

/** Reads the directory; `problems` with severity `unreadable` mean the entries cannot be trusted at all. */
export async function readCentralDirectory(source: ZipSource, limits: ZipLimits): Promise<CentralDirectory> {
  const problems: ZipProblem[] = [];
  const fatal = (message: string): CentralDirectory => ({
    entries: [],
    offset: 0,
    problems: [...problems, { path: PACKAGE_PATH, message, severity: 'unreadable' }],
  });
  const end = await findEndRecord(source);
  if (typeof end === 'string') return fatal(end);
  const r = end.record;
  const [disk, cdDisk, onDisk, count, cdSize, cdOffset] = [
    r.getUint16(4, true),
    r.getUint16(6, true),
    r.getUint16(8, true),
    r.getUint16(10, true),
    r.getUint32(12, true),
    r.getUint32(16, true),
  ];
  if (end.at >= 20 && view(await source.read(end.at - 20, 4)).getUint32(0, true) === ZIP64_LOCATOR_SIGNATURE)
    return fatal('a zip64 archive: not supported (packages from this software never use zip64)');
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    return fatal('zip64 sizes or counts: not supported (packages from this software never use zip64)');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) return fatal('a multi-part (spanned) zip: not supported');
  if (count > limits.maxEntries) return fatal(`${count} entries, more than the ${limits.maxEntries} this verifier reads`);
  if (cdSize > limits.maxCentralDirectoryBytes)
    return fatal(`a central directory of ${cdSize} bytes, more than the ${limits.maxCentralDirectoryBytes} this verifier reads`);
  if (cdOffset + cdSize !== end.at)
    return fatal(`the central directory (${cdSize} bytes at ${cdOffset}) does not end where the end record is (${end.at}): bytes are missing or were inserted`);

  const cd = await source.read(cdOffset, cdSize);
  const v = view(cd);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + CENTRAL_BYTES > cd.length || v.getUint32(at, true) !== CENTRAL_SIGNATURE)
      return fatal(`central header ${index + 1} of ${count} is missing or damaged`);
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const commentLength = v.getUint16(at + 32, true);
    const next = at + CENTRAL_BYTES + nameLength + extraLength + commentLength;
    if (next > cd.length) return fatal(`central header ${index + 1} of ${count} runs past the central directory`);
    const nameBytes = cd.slice(at + CENTRAL_BYTES, at + CENTRAL_BYTES + nameLength);
    const name = displayName(nameBytes);
    const report = (message: string, severity: ZipProblem['severity'] = 'tampered') => problems.push({ path: name, message, severity });
    const external = v.getUint32(at + 38, true);
    const unixType = (external >>> 16) & UNIX_TYPE_MASK;
    const entry: ZipEntry = {
      index,
      name,
      nameBytes,
      flags: v.getUint16(at + 8, true),
      method: v.getUint16(at + 10, true),
      crc: v.getUint32(at + 16, true),
      compressedSize: v.getUint32(at + 20, true),
      size: v.getUint32(at + 24, true),
      localOffset: v.getUint32(at + 42, true),
      folder: name.endsWith('/') || (external & DOS_FOLDER) !== 0 || unixType === UNIX_FOLDER,
    };
    const nameIssue = nameProblem(nameBytes);
    if (nameIssue) report(nameIssue);
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff)
      report('zip64 sizes: not supported (packages from this software never use zip64)', 'unreadable');
    if (v.getUint16(at + 34, true) !== 0) report('starts on another disk of a spanned zip: not supported', 'unreadable');
    if (entry.flags & FLAG_ENCRYPTED) report('encrypted: packages are never encrypted');
    if (entry.method !== METHOD_STORE && entry.method !== METHOD_DEFLATE)
      report(`compression method ${entry.method}: only stored (0) and deflated (8) entries are read`);
    if (entry.method === METHOD_STORE && entry.compressedSize !== entry.size)
      report(`stored without compression, but its sizes differ (${entry.compressedSize} stored, ${entry.size} declared)`);
    if (unixType !== 0 && unixType !== UNIX_FOLDER && unixType !== UNIX_FILE)
      report(`marked as a special file (unix type ${unixType.toString(8)}, e.g. a symbolic link), not a plain file`);
    if (entry.folder) {
      const marks = [
        (external & DOS_FOLDER) !== 0 && 'the DOS folder attribute',
        unixType === UNIX_FOLDER && 'the unix folder mode',
        name.endsWith('/') && 'a trailing /',
      ]
        .filter(Boolean)
        .join(' and ');
      if (entry.size > 0 || entry.compressedSize > (entry.method === METHOD_DEFLATE ? 2 : 0))
        report(`marked as a folder (${marks}) but holds data (${entry.size} bytes); tools differ on whether to extract it`);
      if (!name.endsWith('/')) report(`marked as a folder (${marks}) but its name has no trailing /`);
    }
    for (let x = at + CENTRAL_BYTES + nameLength; x + 4 <= at + CENTRAL_BYTES + nameLength + extraLength;) {
      const id = v.getUint16(x, true);
      if (id === INFO_ZIP_UNICODE_PATH) report('carries a second name (Info-ZIP Unicode path field) that some tools extract it under');
      if (id === ZIP64_EXTRA) report('carries a zip64 field: not supported (packages from this software never use zip64)', 'unreadable');
      x += 4 + v.getUint16(x + 2, true);
    }
    entries.push(entry);
    at = next;
  }
  if (at !== cd.length) return fatal(`the central directory holds ${cd.length - at} bytes after its ${count} headers`);

  const seen = new Map<string, number[]>();
  for (const e of entries) seen.set(e.name, [...(seen.get(e.name) ?? []), e.index + 1]);
  for (const [name, positions] of seen) {
    if (positions.length > 1)
      problems.push({
        path: name,
        message: `appears ${positions.length} times in the zip (entries ${positions.join(', ')}); tools differ on which one they extract`,
        severity: 'tampered',
      });
  }
  return { entries, offset: cdOffset, problems };
}
