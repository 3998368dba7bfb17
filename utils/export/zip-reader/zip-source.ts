// Random access to a zip's bytes, so the reader can jump to the central directory and then to
// each entry without holding the package: a Uint8Array, a Blob/File (the dashboard) or, in node,
// an open file (utils/cli/file-source.ts).

export interface ZipSource {
  readonly size: number;
  /** `length` bytes from `offset` (fewer only at the end of the source) */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** fills `target` from `offset` and returns how many bytes it read: lets a caller reuse one buffer */
  readInto?(offset: number, target: Uint8Array): Promise<number>;
}

export function bytesSource(bytes: Uint8Array): ZipSource {
  return {
    size: bytes.byteLength,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.byteLength, offset + length)),
  };
}

/** A Blob's bytes; FileReader where Blob has no arrayBuffer (older engines, jsdom). */
async function blobBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return new Uint8Array(await blob.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(blob);
  });
}

/** A File or Blob (the dashboard's chosen package), read a slice at a time. */
export function blobSource(blob: Blob): ZipSource {
  return {
    size: blob.size,
    read: (offset, length) => blobBytes(blob.slice(offset, Math.min(blob.size, offset + length))),
  };
}

/**
 * Serves small reads (headers) from one window read ahead, so thousands of local headers cost a
 * few large reads instead of one read each. Large reads go straight to the source.
 */
export function windowedSource(source: ZipSource, windowBytes = 64 * 1024): ZipSource {
  let start = 0;
  let window: Uint8Array = new Uint8Array(0);
  return {
    size: source.size,
    read: async (offset, length) => {
      if (length > windowBytes / 4) return source.read(offset, length);
      const end = Math.min(source.size, offset + length);
      if (offset < start || end > start + window.byteLength) {
        start = offset;
        window = await source.read(offset, windowBytes);
      }
      return window.subarray(offset - start, end - start);
    },
  };
}
