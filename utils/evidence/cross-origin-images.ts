import { isOwnUi } from '@/utils/evidence/hide-own-ui';

// Kept apart from the renderer so the content script can list images without loading html2canvas.

/** Image URLs the page shows from other origins: the ones the background should fetch for us. */
export function crossOriginImageUrls(doc: Document, limit = 120): string[] {
  const origin = doc.location?.origin;
  const seen = new Set<string>();
  for (const img of Array.from(doc.images)) {
    if (isOwnUi(img)) continue;
    const src = img.currentSrc || img.src;
    if (!/^https?:/i.test(src)) continue;
    if (origin && new URL(src).origin === origin) continue;
    seen.add(src);
    if (seen.size >= limit) break;
  }
  return [...seen];
}
