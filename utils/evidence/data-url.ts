// Screenshots cross the extension as data: URLs (captureVisibleTab, canvas.toDataURL, messages);
// storage and hashing want bytes. Decoding stays synchronous and identical in node; where the
// runtime has native base64 (Uint8Array.fromBase64 / toBase64: Chromium 140+, Firefox 133+) it is
// used, being many times faster than a per-character loop on the megabytes of a full-page PNG.

interface NativeBase64 {
  fromBase64?(text: string): Uint8Array<ArrayBuffer>;
}

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as NativeBase64).fromBase64;
  if (native) return native.call(Uint8Array, text);
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?(): string }).toBase64;
  if (native) return native.call(bytes);
  let bin = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) bin += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(bin);
}

export interface DecodedDataUrl {
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** Decodes a `data:` URL (base64 or percent-encoded); throws on anything else. */
export function decodeDataUrl(url: string): DecodedDataUrl {
  const m = /^data:([^,]*?),(.*)$/s.exec(url);
  if (!m) throw new Error('not a data: URL');
  const meta = (m[1] ?? '').split(';');
  const base64 = meta.includes('base64');
  const mediaType = meta[0] || 'text/plain';
  const payload = m[2] ?? '';
  if (base64) return { mediaType, bytes: base64ToBytes(payload) };
  return { mediaType, bytes: new TextEncoder().encode(decodeURIComponent(payload)) };
}

export function dataUrlToBlob(url: string): Blob {
  const { mediaType, bytes } = decodeDataUrl(url);
  return new Blob([bytes], { type: mediaType });
}

/** Bytes -> `data:` URL, for handing fetched images to the page-side renderer. */
export function bytesToDataUrl(bytes: Uint8Array, mediaType: string): string {
  return `data:${mediaType};base64,${bytesToBase64(bytes)}`;
}
