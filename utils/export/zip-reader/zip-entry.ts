// One entry as the central directory describes it, and a problem found while reading the zip.

export interface ZipEntry {
  /** position in the central directory, 0-based */
  index: number;
  /** the name as the central directory has it (non-printable bytes shown as \xNN) */
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** a folder by its trailing `/` or by a DOS or unix folder attribute */
  folder: boolean;
  /** where the entry's data starts, once its local header has been read */
  dataOffset?: number;
}

export interface ZipProblem {
  /** the entry the problem is about, or `(package)` */
  path: string;
  message: string;
  /** `unreadable`: the zip's structure cannot be followed; `tampered`: an entry is not what it claims */
  severity: 'tampered' | 'unreadable';
}

/** What the reader refuses to go beyond: a zip bomb stops at these. */
export interface ZipLimits {
  maxEntries: number;
  maxCentralDirectoryBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 50_000, maxCentralDirectoryBytes: 64 * 1024 * 1024 };

export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;
