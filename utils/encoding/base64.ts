// Base64 for the megabytes that cross the extension as text (screenshots, render images, the
// search-page seller digest). Native Uint8Array.fromBase64 / toBase64 (Chromium 140+, Firefox
// 133+) where present, being many times faster; the portable loop otherwise (and in node tests).

interface NativeBase64 {
  fromBase64?(text: string): Uint8Array<ArrayBuffer>;
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as NativeBase64).fromBase64;
  if (native) return native.call(Uint8Array, text);
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?(): string }).toBase64;
  if (native) return native.call(bytes);
  let bin = '';
  const chunk = 0x8000;
  // Chunked: String.fromCharCode takes its bytes as arguments, and argument lists are bounded.
  for (let i = 0; i < bytes.length; i += chunk) bin += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(bin);
}
