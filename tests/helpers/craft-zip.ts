import { crc32, deflateRawSync } from 'node:zlib';

// Builds zip files byte by byte, so a test can make every header say exactly what an attacker
// would: names that differ between local and central headers, folder attributes on files,
// duplicate names, lying sizes, bombs. Nothing here validates: that is the verifier's job.

export interface HeaderFields {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
}

export interface CraftEntry {
  /** the central directory's name */
  name: string | Uint8Array;
  /** the local header's name (defaults to the central one) */
  localName?: string | Uint8Array;
  /** the entry's content (what it inflates to) */
  data: Uint8Array;
  /** 0 store, 8 deflate (default) */
  method?: number;
  /** compressed bytes to write instead of deflating `data` (a bomb, a corrupt stream) */
  compressed?: Uint8Array;
  /** write sizes and CRC in a data descriptor after the data (flag bit 3), as our writer does */
  dataDescriptor?: boolean;
  /** external attributes (default: unix regular file 0644) */
  externalAttr?: number;
  /** central header overrides (the truth is computed from `data`) */
  central?: Partial<HeaderFields>;
  /** local header overrides */
  local?: Partial<HeaderFields>;
  /** data descriptor overrides */
  descriptor?: Partial<Pick<HeaderFields, 'crc' | 'compressedSize' | 'size'>>;
  /** extra field bytes written in both headers */
  extra?: Uint8Array;
}

export interface CraftOptions {
  /** bytes written before the first entry */
  prefix?: Uint8Array;
  /** end-of-central-directory overrides */
  end?: Partial<{ count: number; cdSize: number; cdOffset: number }>;
}

export const UNIX_FILE_ATTR = (0o100644 << 16) >>> 0;
export const UNIX_FOLDER_ATTR = (0o040755 << 16) >>> 0;
export const DOS_FOLDER_ATTR = 0x10;

const enc = new TextEncoder();
const bytesOfName = (n: string | Uint8Array) => (typeof n === 'string' ? enc.encode(n) : n);

class Writer {
  private readonly parts: Uint8Array[] = [];
  length = 0;
  bytes(b: Uint8Array): void {
    this.parts.push(b);
    this.length += b.byteLength;
  }
  u16(n: number): void {
    const b = new Uint8Array(2);
    new DataView(b.buffer).setUint16(0, n, true);
    this.bytes(b);
  }
  u32(n: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n >>> 0, true);
    this.bytes(b);
  }
  done(): Uint8Array {
    return Buffer.concat(this.parts);
  }
}

/** The zip holding `entries` in order, with every header field as given. */
export function craftZip(entries: readonly CraftEntry[], options: CraftOptions = {}): Uint8Array {
  const out = new Writer();
  if (options.prefix) out.bytes(options.prefix);
  const central = new Writer();
  for (const e of entries) {
    const method = e.method ?? 8;
    const compressed = e.compressed ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const name = bytesOfName(e.name);
    const localName = bytesOfName(e.localName ?? e.name);
    const utf8 = [...name].some((b) => b >= 0x80) ? 0x0800 : 0;
    const truth: HeaderFields = {
      flags: (e.dataDescriptor ? 0x08 : 0) | utf8,
      method,
      crc: crc32(e.data) >>> 0,
      compressedSize: compressed.byteLength,
      size: e.data.byteLength,
    };
    const c = { ...truth, ...e.central };
    const l = { ...truth, ...(e.dataDescriptor ? { crc: 0, compressedSize: 0, size: 0 } : {}), ...e.local };
    const extra = e.extra ?? new Uint8Array(0);
    const offset = out.length;
    out.u32(0x04034b50);
    out.u16(20);
    out.u16(l.flags);
    out.u16(l.method);
    out.u16(0); // time
    out.u16(0x5b76); // date: 2025-11-22
    out.u32(l.crc);
    out.u32(l.compressedSize);
    out.u32(l.size);
    out.u16(localName.byteLength);
    out.u16(extra.byteLength);
    out.bytes(localName);
    out.bytes(extra);
    out.bytes(compressed);
    if (e.dataDescriptor) {
      const d = { ...c, ...e.descriptor };
      out.u32(0x08074b50);
      out.u32(d.crc);
      out.u32(d.compressedSize);
      out.u32(d.size);
    }
    central.u32(0x02014b50);
    central.u16(0x031e); // made by: unix, 3.0
    central.u16(20);
    central.u16(c.flags);
    central.u16(c.method);
    central.u16(0);
    central.u16(0x5b76);
    central.u32(c.crc);
    central.u32(c.compressedSize);
    central.u32(c.size);
    central.u16(name.byteLength);
    central.u16(extra.byteLength);
    central.u16(0); // comment
    central.u16(0); // disk
    central.u16(0); // internal attributes
    central.u32(e.externalAttr ?? UNIX_FILE_ATTR);
    central.u32(offset);
    central.bytes(name);
    central.bytes(extra);
  }
  const cdOffset = out.length;
  const cd = central.done();
  out.bytes(cd);
  const count = options.end?.count ?? entries.length;
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(count & 0xffff);
  out.u16(count & 0xffff);
  out.u32(options.end?.cdSize ?? cd.byteLength);
  out.u32(options.end?.cdOffset ?? cdOffset);
  out.u16(0);
  return out.done();
}
