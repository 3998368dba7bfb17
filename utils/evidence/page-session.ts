import { hideFixedAndSticky, hideOwnUi, type Restore } from '@/utils/evidence/hide-own-ui';
import { localIsoString } from '@/utils/evidence/local-time';
import { pageMetrics, scrollToAndSettle, type SettleOptions } from '@/utils/evidence/page-metrics';
import type { PageCaptureMetrics, PageRequests } from '@/utils/evidence/page-requests';
import { crossOriginImageUrls } from '@/utils/evidence/cross-origin-images';
import { pageImageUrls } from '@/utils/evidence/page-image-urls';
import { loadedRenderer } from '@/utils/evidence/renderer-slot';
import { serializeDom } from '@/utils/evidence/serialize-dom';

// The content script's side of one capture: the handlers the background's requests map to.
// It remembers what it changed (panel, fixed elements, scroll) so `showUi` undoes all of it, and
// holds the images handed in for the re-render until then.

function frames(win: Window, n: number, capMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, capMs);
    const step = (left: number) => {
      if (left <= 0) {
        clearTimeout(timer);
        resolve();
      } else win.requestAnimationFrame(() => step(left - 1));
    };
    if (typeof win.requestAnimationFrame === 'function') step(n);
  });
}

export function createPageCaptureSession(win: Window, settle: SettleOptions = {}): PageRequests {
  const doc = win.document;
  let restoreUi: Restore | undefined;
  let restoreFixed: Restore | undefined;
  let scroll: { x: number; y: number } | undefined;
  const renderImages = pageImageUrls();
  return {
    async hideUi() {
      restoreUi ??= hideOwnUi(doc);
      scroll ??= { x: win.scrollX, y: win.scrollY };
      // The screenshot is taken from the next composited frame: let the change reach it.
      await frames(win, 2, 200);
    },
    async hideFixedAndSticky() {
      restoreFixed ??= hideFixedAndSticky(doc);
      await frames(win, 1, 100);
    },
    async showUi() {
      restoreFixed?.();
      restoreUi?.();
      if (scroll) win.scrollTo({ left: scroll.x, top: scroll.y, behavior: 'instant' });
      restoreFixed = restoreUi = scroll = undefined;
      renderImages.clear();
    },
    async serializeDom() {
      return serializeDom(doc, win.location.href, localIsoString(new Date()));
    },
    async addRenderImage(pageUrl, dataUrl) {
      renderImages.add(pageUrl, dataUrl);
    },
    async renderFullPage() {
      // The renderer (html2canvas-pro) is injected by the background only when a capture needs it.
      const render = loadedRenderer(win);
      if (!render) throw new Error('the full-page renderer is not loaded in this page');
      return render(renderImages.urls());
    },
    async scrollTo(y) {
      return scrollToAndSettle(win, y, settle);
    },
    async metrics(): Promise<PageCaptureMetrics> {
      return { ...pageMetrics(win), crossOriginImages: crossOriginImageUrls(doc) };
    },
  };
}
