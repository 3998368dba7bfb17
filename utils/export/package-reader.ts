import type { Sha256Factory } from '@/utils/export/incremental-sha256';
import type { EntryLimit, StrictZip, ZipEntry } from '@/utils/export/zip-reader/strict-zip';

// The verifier's access to a strictly read zip: each entry is inflated once, hashed as it
// inflates, and kept in memory only when a later check needs its bytes (manifest, SHA256SUMS,
// custody and signature files). A running total stops a package that inflates beyond its budget.

export type Report = (path: string, message: string) => void;

export interface CheckedEntry {
  sha256: string;
  bytes: number;
  /** the entry's bytes, when asked to keep them */
  data?: Uint8Array;
}

const DEFAULT_READ_LIMIT = 16 * 1024 * 1024;

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export class PackageReader {
  /** file entries (not folders) by name; the first of duplicates (already a problem) */
  readonly files = new Map<string, ZipEntry>();
  private readonly kept = new Map<string, CheckedEntry>();
  private inflated = 0;
  private totalLimit = Number.POSITIVE_INFINITY;

  constructor(
    private readonly zip: StrictZip,
    private readonly sha256: Sha256Factory,
    private readonly report: Report,
  ) {
    for (const e of zip.entries) if (!e.folder && !this.files.has(e.name)) this.files.set(e.name, e);
  }

  /** Caps the bytes all entries together may inflate to (set once the manifest says what to expect). */
  limitTotal(bytes: number): void {
    this.totalLimit = bytes;
  }

  /** Inflates and hashes the entry once; reports and returns undefined when it cannot be read within `limit`. */
  async check(name: string, limit: EntryLimit, keep = false): Promise<CheckedEntry | undefined> {
    const done = this.kept.get(name);
    if (done) return done;
    const entry = this.files.get(name);
    if (!entry) return undefined;
    const remaining = this.totalLimit - this.inflated;
    const effective =
      remaining < limit.bytes ? { bytes: Math.max(0, remaining), what: `the package's total limit of ${this.totalLimit} inflated bytes` } : limit;
    const hash = this.sha256();
    const chunks: Uint8Array[] = [];
    const result = await this.zip.read(entry, effective, (chunk) => {
      hash.update(chunk);
      if (keep) chunks.push(chunk.slice()); // the reader may reuse its buffer
    });
    this.inflated += result.bytes;
    if (!result.ok) {
      this.report(name, result.message);
      return undefined;
    }
    const checked: CheckedEntry = { sha256: hash.digestHex(), bytes: result.bytes, ...(keep ? { data: concat(chunks, result.bytes) } : {}) };
    if (keep) this.kept.set(name, checked);
    return checked;
  }

  /** The bytes of a (small) entry: from what was kept, or read now within `limitBytes`. */
  read = async (name: string, limitBytes = DEFAULT_READ_LIMIT): Promise<Uint8Array | undefined> => {
    return (await this.check(name, { bytes: limitBytes, what: `the ${limitBytes} bytes this verifier reads of ${name}` }, true))?.data;
  };
}
