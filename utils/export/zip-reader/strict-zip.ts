import { windowedSource, type ZipSource } from '@/utils/export/zip-reader/zip-source';
import { readCentralDirectory } from '@/utils/export/zip-reader/central-directory';
import { checkLocalHeaders } from '@/utils/export/zip-reader/local-headers';
import { readEntryData, type Crc32, type EntryLimit, type EntryReadResult } from '@/utils/export/zip-reader/entry-data';
import { DEFAULT_ZIP_LIMITS, type ZipEntry, type ZipLimits, type ZipProblem } from '@/utils/export/zip-reader/zip-entry';

// A zip read the strict way: the central directory and every local header, compared, before any
// entry is trusted. Entries are then read one at a time, streaming, each against a limit.

export interface StrictZip {
  /** every central directory entry, in order (duplicates and folders included) */
  entries: ZipEntry[];
  problems: ZipProblem[];
  /** true when the structure cannot be followed: the entries are not to be read */
  unreadable: boolean;
  /** streams the entry; a chunk is valid only during its onChunk call */
  read(entry: ZipEntry, limit: EntryLimit, onChunk: (chunk: Uint8Array) => void): Promise<EntryReadResult>;
}

export async function openStrictZip(source: ZipSource, limits: ZipLimits = DEFAULT_ZIP_LIMITS, crc32?: Crc32): Promise<StrictZip> {
  const directory = await readCentralDirectory(source, limits);
  const problems = [...directory.problems];
  let unreadable = problems.some((p) => p.severity === 'unreadable');
  if (!unreadable) {
    problems.push(...(await checkLocalHeaders(windowedSource(source), directory.entries, directory.offset)));
    unreadable = problems.some((p) => p.severity === 'unreadable');
  }
  return {
    entries: directory.entries,
    problems,
    unreadable,
    read: (entry, limit, onChunk) => readEntryData(source, entry, limit, onChunk, crc32),
  };
}

export type { ZipEntry, ZipLimits, ZipProblem, EntryLimit, EntryReadResult, ZipSource, Crc32 };
