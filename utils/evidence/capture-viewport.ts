import { decodeDataUrl } from '@/utils/evidence/data-url';

// The viewport screenshot is the browser's own pixels (`tabs.captureVisibleTab`, PNG): the
// strongest image in the package. The API call itself is injected (see browser-apis.ts).

export interface PngImage {
  blob: Blob;
  width: number;
  height: number;
}

/** Width and height from a PNG's IHDR chunk; undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A PNG data: URL -> Blob with its pixel size; throws when it is not a PNG. */
export function pngFromDataUrl(dataUrl: string): PngImage {
  const { bytes } = decodeDataUrl(dataUrl);
  const size = pngSize(bytes);
  if (!size) throw new Error('the screenshot is not a PNG image');
  return { blob: new Blob([bytes], { type: 'image/png' }), ...size };
}

export async function captureViewport(captureVisibleTab: () => Promise<string>): Promise<PngImage> {
  return pngFromDataUrl(await captureVisibleTab());
}

/** Chromium's refusal of captureVisibleTab without `<all_urls>` or an activeTab gesture. */
export function isScreenshotPermissionError(err: unknown): boolean {
  return /<all_urls>|activeTab/.test(err instanceof Error ? err.message : String(err));
}

export const SCREENSHOT_PERMISSION_WARNING =
  "viewport: the browser's own screenshot was not allowed (grant 'all sites' screenshot access in the dashboard, or start the capture from the toolbar button, context menu or shortcut); the page image is a DOM re-render (html2canvas-pro)";
