import { open, type FileHandle } from 'node:fs/promises';
import type { ZipSource } from '@/utils/export/zip-reader/zip-source';

// A package on disk as a ZipSource: the verifier reads only the parts it needs, never the whole file.

export async function openFileSource(path: string): Promise<ZipSource & { close(): Promise<void> }> {
  const handle: FileHandle = await open(path, 'r');
  const { size } = await handle.stat();
  const readInto = async (offset: number, target: Uint8Array) => {
    const want = Math.max(0, Math.min(target.byteLength, size - offset));
    let done = 0;
    while (done < want) {
      const { bytesRead } = await handle.read(target, done, want - done, offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done;
  };
  return {
    size,
    read: async (offset, length) => {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      const done = await readInto(offset, buffer);
      return done === buffer.byteLength ? buffer : buffer.subarray(0, done);
    },
    readInto,
    close: () => handle.close(),
  };
}
