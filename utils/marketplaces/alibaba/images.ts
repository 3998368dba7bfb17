import { absoluteUrl } from '@/utils/marketplaces/decode';

// Alibaba CDN images carry size/format suffixes after the real extension
// (`x.jpg_60x60q90.jpg`, `x.jpg_50x50.jpg_.webp`); the original is the URL without them.
const SIZE_SUFFIX = /(\.(?:jpe?g|png|gif|webp|heic))_[^/?#]*$/i;

/** Full-size https URL of a marketplace image, or undefined for placeholders and data: URLs. */
export function fullSizeImage(src: string | undefined | null): string | undefined {
  const abs = absoluteUrl(src ?? undefined, 'https://img.alicdn.com/');
  if (!abs) return undefined;
  if (!/^https?:\/\//i.test(abs)) return undefined; // javascript:, blob: and the like are not images
  const url = abs.startsWith('http://') ? `https://${abs.slice(7)}` : abs;
  return url.replace(SIZE_SUFFIX, '$1');
}

/** Full-size, de-duplicated, in page order. */
export function fullSizeImages(srcs: (string | undefined | null)[]): string[] {
  const seen = new Set<string>();
  for (const src of srcs) {
    const full = fullSizeImage(src);
    if (full && !/\/spaceball\.gif|\/s\.gif$/i.test(full)) seen.add(full);
  }
  return [...seen];
}
