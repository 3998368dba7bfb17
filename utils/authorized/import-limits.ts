// How much an imported list may be. A brand's list is at most a few hundred thousand rows; the
// caps leave room for 2 million per half (the bench imports 1 million sellers) and refuse
// anything bigger before parsing it, so a hostile or broken file costs seconds, not gigabytes.

export const IMPORT_LIMITS = {
  /** JSON and CSV files (the same cap as a synced list) */
  maxTextFileBytes: 256 * 1024 * 1024,
  /** XLSX files as chosen (compressed) */
  maxXlsxFileBytes: 32 * 1024 * 1024,
  /** one part of an XLSX (a sheet, the shared strings) once inflated */
  maxXlsxPartBytes: 64 * 1024 * 1024,
  /** all parts of an XLSX together once inflated */
  maxXlsxTotalBytes: 160 * 1024 * 1024,
  maxXlsxEntries: 2000,
  /** sellers or products, per half */
  maxRows: 2_000_000,
};

export type ImportLimits = typeof IMPORT_LIMITS;

/** Line breaks in `bytes`: a CSV has at least as many of them as rows past the header. */
export function countLineBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
