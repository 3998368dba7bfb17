import { errorMessage } from '@/utils/evidence/capture-step-error';
import { bytesToDataUrl } from '@/utils/evidence/data-url';
import { fetchImages, type FetchLike } from '@/utils/evidence/fetch-images';

// The page's cross-origin images for the DOM re-render (background side). Without CORS they come
// out blank in any re-renderer, so the background fetches them with its host permissions and
// sends each to the page the moment it arrives: one message per image, so the transfer overlaps
// the fetching and the page-source step instead of following them as one message of tens of MB.
// A few messages in flight keep the sender, the browser and the page busy at once (50 messages of
// 0.8 MB took about 40% less time with three in flight than one at a time, in Chromium 156).

const MESSAGES_IN_FLIGHT = 3;

export interface RenderImageBudget {
  maxImages: number;
  /** bounds what the page holds as blobs during the render */
  maxTotalBytes: number;
}

export const RENDER_IMAGE_BUDGET: RenderImageBudget = { maxImages: 120, maxTotalBytes: 64 * 1024 * 1024 };

export type SendRenderImage = (pageUrl: string, dataUrl: string) => Promise<void>;

export interface SentRenderImages {
  sent: number;
  /** set when some images could not be handed over: they may be blank in the re-render */
  warning?: string;
}

/** Fetches `urls` and hands each to `send`; never throws (what failed is counted in the warning). */
export async function sendImagesForRender(
  fetch: FetchLike,
  urls: readonly string[],
  send: SendRenderImage,
  budget: RenderImageBudget = RENDER_IMAGE_BUDGET,
): Promise<SentRenderImages> {
  const wanted = [...new Set(urls)];
  const tried = wanted.slice(0, budget.maxImages);
  let total = 0;
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  const failures: string[] = [];
  const { warnings } = await fetchImages(fetch, tried, {
    fullSize: false,
    timeoutMs: 8000,
    maxBytes: 5 * 1024 * 1024,
    onImage: async (img) => {
      total += img.bytes.byteLength;
      if (total > budget.maxTotalBytes) throw new Error(`over the ${budget.maxTotalBytes / 1024 / 1024} MB the re-render takes in all`);
      while (inFlight.size >= MESSAGES_IN_FLIGHT) await Promise.race(inFlight);
      const message: Promise<void> = send(img.url, bytesToDataUrl(img.bytes, img.mediaType))
        .then(
          () => void sent++,
          (err: unknown) => void failures.push(`(${img.url}): ${errorMessage(err)}`),
        )
        .finally(() => inFlight.delete(message));
      inFlight.add(message);
    },
  }).catch((err: unknown) => ({ warnings: [String(err)] }));
  await Promise.all(inFlight);
  warnings.push(...failures);
  const missing = wanted.length - sent;
  if (missing === 0) return { sent };
  const reasons = warnings.slice(0, 3).map((w) => w.replace(/^image \d+ not saved /, ''));
  if (wanted.length > tried.length) reasons.push(`only the first ${tried.length} are fetched`);
  const warning = `full-page: ${missing} of the page's ${wanted.length} cross-origin images could not be handed to the re-render and may be blank in it (${reasons.join('; ')})`;
  return { sent, warning };
}
