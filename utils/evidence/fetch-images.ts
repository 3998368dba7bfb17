// Product images at full size, fetched by the background (its host permissions reach the image
// CDNs without CORS). A missing image is a warning on the capture, never a failed capture.

export type FetchLike = (url: string, init?: { signal?: AbortSignal; credentials?: 'omit' | 'include'; redirect?: RequestRedirect }) => Promise<Response>;

export interface FetchImagesOptions {
  concurrency?: number;
  timeoutMs?: number;
  maxBytes?: number;
  /** try the full-size variant first (true); false fetches exactly the URLs given */
  fullSize?: boolean;
  /** called with each image as soon as it arrives, before the next fetch of that worker starts */
  onImage?: (image: FetchedImage) => Promise<void>;
}

export interface FetchedImage {
  url: string;
  /** the URL actually fetched (the full-size variant, or `url` when that failed) */
  fetchedUrl: string;
  path: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
  'image/svg+xml': 'svg',
  'image/heic': 'heic',
};

export function extensionFor(mediaType: string): string {
  return EXTENSIONS[mediaType] ?? (/^image\/([a-z0-9]+)$/.exec(mediaType)?.[1] || 'img');
}

/**
 * The marketplaces serve thumbnails by decorating the original URL; undo that to get the
 * original: alicdn `x.jpg_400x400q90.jpg_.webp` -> `x.jpg`, JD `/n5/s54x54_jfs/` -> `/n0/jfs/`,
 * Pinduoduo `?imageView2/...` / `?imageMogr2/...` dropped.
 */
export function fullSizeImageUrl(raw: string): string {
  const url = raw.startsWith('//') ? `https:${raw}` : raw;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (/(^|\.)alicdn\.com$/.test(u.hostname)) {
    u.pathname = u.pathname.replace(/(\.(?:jpe?g|png|gif|webp))_.*$/i, '$1');
  } else if (/(^|\.)360buyimg\.com$/.test(u.hostname)) {
    u.pathname = u.pathname.replace(/^\/n\d+\/(?:s\d+x\d+_)?/, '/n0/');
  } else if (/(^|\.)(pddpic|yangkeduo|pinduoduo)\.com$/.test(u.hostname) && /imageView2|imageMogr2/.test(u.search)) {
    u.search = '';
  }
  return u.href;
}

async function fetchOne(fetch: FetchLike, url: string, timeoutMs: number, maxBytes: number): Promise<{ mediaType: string; bytes: Uint8Array<ArrayBuffer> }> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Abort the request, and stop waiting even if the fetch ignores the signal.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([download(fetch, url, controller.signal, maxBytes), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function download(fetch: FetchLike, url: string, signal: AbortSignal, maxBytes: number): Promise<{ mediaType: string; bytes: Uint8Array<ArrayBuffer> }> {
  // Cookies are not needed for CDN images, and omitting them keeps the request anonymous.
  const res = await fetch(url, { signal, credentials: 'omit' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!mediaType.startsWith('image/')) throw new Error(`not an image (${mediaType || 'no content type'})`);
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
  if (bytes.byteLength === 0) throw new Error('empty response');
  return { mediaType, bytes };
}

/** Fetches `urls` (deduplicated, in order) with bounded concurrency; failures become warnings. */
export async function fetchImages(
  fetch: FetchLike,
  urls: readonly string[],
  options: FetchImagesOptions = {},
): Promise<{ images: FetchedImage[]; warnings: string[] }> {
  const { concurrency = 4, timeoutMs = 20_000, maxBytes = 15 * 1024 * 1024, fullSize = true, onImage } = options;
  const unique = [...new Set(urls.filter((u) => /^(https?:)?\/\//i.test(u)))];
  const width = Math.max(2, String(unique.length).length);
  const results: (FetchedImage | string)[] = new Array(unique.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < unique.length; i = next++) {
      const url = unique[i]!;
      const direct = url.startsWith('//') ? `https:${url}` : url;
      const full = fullSize ? fullSizeImageUrl(url) : direct;
      try {
        let got: { mediaType: string; bytes: Uint8Array<ArrayBuffer> };
        let fetchedUrl = full;
        try {
          got = await fetchOne(fetch, full, timeoutMs, maxBytes);
        } catch (err) {
          if (full === direct) throw err;
          fetchedUrl = direct;
          got = await fetchOne(fetch, direct, timeoutMs, maxBytes);
        }
        const path = `images/${String(i + 1).padStart(width, '0')}.${extensionFor(got.mediaType)}`;
        // No hash here: artifacts are hashed once, from the stored bytes (pending-file.ts).
        const image: FetchedImage = { url, fetchedUrl, path, ...got };
        await onImage?.(image);
        results[i] = image;
      } catch (err) {
        results[i] = `image ${i + 1} not saved (${url}): ${err instanceof Error ? err.message : String(err)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, worker));
  const images = results.filter((r): r is FetchedImage => typeof r !== 'string');
  const warnings = results.filter((r): r is string => typeof r === 'string');
  return { images, warnings };
}
