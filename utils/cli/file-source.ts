import { open, type FileHandle } from 'node:fs/promises';
import type { ZipSource } from '@/utils/export/zip-reader/zip-source';

// A package on disk as a ZipSource: the verifier reads only the parts it needs, never the whole file.

export async function openFileSource(path: string): Promise<ZipSource & { close(): Promise<void> }> {
  const handle: FileHandle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (offset, length) => {
      const want = Math.max(0, Math.min(length, size - offset));
      const buffer = new Uint8Array(want);
      let done = 0;
      while (done < want) {
        const { bytesRead } = await handle.read(buffer, done, want - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === want ? buffer : buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}
