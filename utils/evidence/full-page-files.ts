import { pngFromDataUrl } from '@/utils/evidence/capture-viewport';
import type { FetchLike } from '@/utils/evidence/fetch-images';
import type { PageCaptureMetrics, PageRequests } from '@/utils/evidence/page-requests';
import type { PendingFiles } from '@/utils/evidence/pending-file';
import { sendImagesForRender, type SentRenderImages } from '@/utils/evidence/render-images';

// Background side of the full-page image: asks the page (render-in-page.ts) to render itself with html2canvas-pro, in two halves so the
// slow parts overlap. Loading the renderer script and handing the page the cross-origin images it
// needs change nothing the page shows, so they start with the capture, beside the viewport shot
// and the page source. The render itself adds html2canvas's clone to the page, so it waits until
// the page source is saved.

/** Starts loading the renderer and handing over the images; never rejects before both settle. */
export async function prepareRender(fetch: FetchLike, page: PageRequests, metrics: Promise<PageCaptureMetrics>): Promise<SentRenderImages> {
  // The image list first: the fetching is the long pole, and compiling the renderer script
  // would hold up the page's answer.
  const urls = await metrics.then(
    (m) => m.crossOriginImages ?? [],
    () => [],
  );
  const loading = page.loadRenderer?.() ?? Promise.resolve();
  loading.catch(() => undefined); // rethrown below, once the images are handed over
  const handed = await sendImagesForRender(fetch, urls, (url, dataUrl) => page.addRenderImage(url, dataUrl));
  await loading;
  return handed;
}

/** Renders the page once `pageSaved` resolves and adds the PNG(s) to `files`; throws when html2canvas fails. */
export async function renderFullPageFiles(
  page: PageRequests,
  prepared: Promise<SentRenderImages>,
  pageSaved: Promise<unknown>,
  files: PendingFiles,
  warnings: string[],
): Promise<void> {
  const [handed] = await Promise.all([prepared, pageSaved]).catch(async (err: unknown) => {
    await pageSaved; // a fallback must not scroll the page while its source is being saved
    throw err;
  });
  if (handed.warning) warnings.push(handed.warning);
  const images = await page.renderFullPage();
  if (images.length === 0) throw new Error('the renderer returned no image');
  images.forEach((img, i) => {
    const png = pngFromDataUrl(img.dataUrl);
    const path = images.length === 1 ? 'full-page.png' : `full-page-${i + 1}.png`;
    files.push({ path, blob: png.blob, method: 'html2canvas-pro', note: img.note });
  });
}
