import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { blobSink, writeZip, type ZipEntrySource } from '@/utils/export/zip-writer';
import { randomBytes } from '@/tests/helpers/make-capture';

const date = new Date('2026-11-22T08:00:00Z');

describe('writeZip', () => {
  it('reads each entry only when the writer reaches it, and honours a slow sink', async () => {
    let loaded = 0;
    let written = 0;
    let mostAhead = 0;
    const data = Array.from({ length: 12 }, (_, i) => randomBytes(50_000 + i));
    const entries: ZipEntrySource[] = data.map((d, i) => ({
      path: `f/${i}.bin`,
      compress: i % 2 === 0,
      load: async () => {
        loaded++;
        mostAhead = Math.max(mostAhead, loaded - written);
        return d;
      },
    }));
    const chunks: Uint8Array[] = [];
    const size = await writeZip(
      entries,
      async (chunk) => {
        chunks.push(chunk.slice());
        await new Promise((r) => setTimeout(r, 0));
      },
      { date, onEntryDone: () => written++ },
    );
    expect(written).toBe(12);
    expect(mostAhead).toBeLessThanOrEqual(2); // the entry being written and the next one
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(entries.map((e) => e.path));
    for (const [i, d] of data.entries()) expect(Buffer.from(await zip.file(`f/${i}.bin`)!.async('uint8array')).equals(d)).toBe(true);
  });

  it('rejects with the loader error and stops', async () => {
    const out = blobSink();
    const entries: ZipEntrySource[] = [
      { path: 'a', compress: false, load: async () => new Uint8Array(10) },
      { path: 'b', compress: false, load: async () => Promise.reject(new Error('b: changed')) },
      { path: 'c', compress: false, load: async () => new Uint8Array(10) },
    ];
    await expect(writeZip(entries, out.sink, { date })).rejects.toThrow('b: changed');
  });

  it('writes empty entries and refuses duplicate paths', async () => {
    const out = blobSink();
    await writeZip([{ path: 'empty', compress: true, load: async () => new Uint8Array() }], out.sink, { date });
    const zip = await JSZip.loadAsync(await out.finish().arrayBuffer());
    expect(await zip.file('empty')!.async('uint8array')).toHaveLength(0);
    const dup = { path: 'x', compress: false, load: async () => new Uint8Array(1) };
    await expect(writeZip([dup, dup], blobSink().sink, { date })).rejects.toThrow('duplicate');
  });
});
