// Screenshots cross the extension as data: URLs (captureVisibleTab, canvas.toDataURL, messages);
// storage and hashing want bytes. Decoding by hand keeps it synchronous and identical in node.

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
  if (base64) {
    const bin = atob(payload);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return { mediaType, bytes };
  }
  return { mediaType, bytes: new TextEncoder().encode(decodeURIComponent(payload)) };
}

export function dataUrlToBlob(url: string): Blob {
  const { mediaType, bytes } = decodeDataUrl(url);
  return new Blob([bytes], { type: mediaType });
}

/** Bytes -> `data:` URL, for handing fetched images to the page-side renderer. */
export function bytesToDataUrl(bytes: Uint8Array, mediaType: string): string {
  let bin = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) bin += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return `data:${mediaType};base64,${btoa(bin)}`;
}

/** The same as bytesToDataUrl, encoded natively (FileReader) where the context has it: much faster for megabytes. */
export function bytesToDataUrlAsync(bytes: Uint8Array, mediaType: string): Promise<string> {
  if (typeof FileReader === 'undefined') return Promise.resolve(bytesToDataUrl(bytes, mediaType));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType }));
  });
}
