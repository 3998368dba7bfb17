import { decodeDataUrl } from '@/utils/evidence/data-url';
import { fetchImages, type FetchLike } from '@/utils/evidence/fetch-images';

// Images sent in a chat: http(s) ones are fetched by the extension (as product images are),
// inline data: ones are decoded here. Either way the bytes are what the package keeps and hashes.

export interface ChatImageBytes {
  url: string;
  /** the URL actually fetched; equal to `url` for inline images */
  fetchedUrl: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const MAX_INLINE_BYTES = 15 * 1024 * 1024;

function inlineImage(url: string): ChatImageBytes | string {
  try {
    const { mediaType, bytes } = decodeDataUrl(url);
    const type = mediaType.toLowerCase();
    if (!type.startsWith('image/')) return `not an image (${type})`;
    if (bytes.byteLength === 0 || bytes.byteLength > MAX_INLINE_BYTES) return `inline image of ${bytes.byteLength} bytes`;
    return { url, fetchedUrl: url, mediaType: type, bytes };
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** The images in conversation order (each URL once); the ones that could not be had become warnings. */
export async function chatImages(fetch: FetchLike, urls: readonly string[]): Promise<{ images: ChatImageBytes[]; warnings: string[] }> {
  const unique = [...new Set(urls)];
  const remote = unique.filter((u) => /^(https?:)?\/\//i.test(u));
  const fetched = await fetchImages(fetch, remote);
  const byUrl = new Map(fetched.images.map((img) => [img.url, img]));
  const warnings = [...fetched.warnings.map((w) => `chat ${w}`)];
  const images: ChatImageBytes[] = [];
  for (const url of unique) {
    const got = byUrl.get(url);
    if (got) {
      images.push({ url, fetchedUrl: got.fetchedUrl, mediaType: got.mediaType, bytes: got.bytes });
    } else if (/^data:/i.test(url)) {
      const inline = inlineImage(url);
      if (typeof inline === 'string') warnings.push(`chat image not saved (inline): ${inline}`);
      else images.push(inline);
    } else if (!remote.includes(url)) {
      warnings.push(`chat image not saved (${url.slice(0, 200)}): not an http(s) or data: URL`);
    }
  }
  return { images, warnings };
}
