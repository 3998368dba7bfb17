import { base64ToBytes, bytesToBase64 } from '@/utils/encoding/base64';

// Screenshots cross the extension as data: URLs (captureVisibleTab, canvas.toDataURL, messages);
// storage and hashing want bytes. Decoding stays synchronous and identical in node.

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
