import { decodeDataUrl } from '@/utils/evidence/data-url';

// The extension's copies of the page's cross-origin images, held in the page (content script) as
// blob: URLs for one re-render. A blob: URL is short and same-origin: setting it on the clone's
// <img> and loading it is cheap and leaves the canvas readable, where a data: URL of a megabyte is
// parsed and base64-decoded again at every use. Revoked when the capture ends.

export interface PageImageUrls {
  /** page image URL -> the bytes the extension fetched for it, as a data: URL */
  add(pageUrl: string, dataUrl: string): void;
  /** page image URL -> blob: URL, for the renderer */
  urls(): Record<string, string>;
  clear(): void;
}

export function pageImageUrls(): PageImageUrls {
  const held = new Map<string, string>();
  return {
    add(pageUrl, dataUrl) {
      const { mediaType, bytes } = decodeDataUrl(dataUrl);
      const previous = held.get(pageUrl);
      if (previous) URL.revokeObjectURL(previous);
      held.set(pageUrl, URL.createObjectURL(new Blob([bytes], { type: mediaType })));
    },
    urls: () => Object.fromEntries(held),
    clear() {
      for (const url of held.values()) URL.revokeObjectURL(url);
      held.clear();
    },
  };
}
