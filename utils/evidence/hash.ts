// Artifacts are hashed with WebCrypto at capture time (the same function in the service worker,
// the content script and node tests), so the stored hash is the one the package later repeats.

export type Hashable = Blob | ArrayBuffer | Uint8Array | string;

async function toArrayBuffer(input: Hashable): Promise<ArrayBuffer> {
  if (typeof input === 'string') return toArrayBuffer(new TextEncoder().encode(input));
  if (input instanceof ArrayBuffer) return input;
  if (input instanceof Uint8Array) {
    // Copy into a plain ArrayBuffer: the view may sit on a shared or larger buffer.
    const copy = new Uint8Array(input.byteLength);
    copy.set(input);
    return copy.buffer;
  }
  return input.arrayBuffer();
}

/** Lower-case hex SHA-256 of the bytes (a string is hashed as UTF-8). */
export async function sha256Hex(input: Hashable): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await toArrayBuffer(input));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
