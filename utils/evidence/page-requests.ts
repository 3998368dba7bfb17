import type { RenderedImage } from '@/utils/evidence/render-in-page';
import type { PageMetrics } from '@/utils/evidence/page-metrics';

// What the background asks of the content script during a capture (one message each). Types
// only, so the background bundle does not pull in the page-side renderer.

export interface PageCaptureMetrics extends PageMetrics {
  /** cross-origin image URLs on the page, for the background to fetch for the renderer */
  crossOriginImages?: string[];
}

export interface PageRequests {
  /** hide our panel and wait for a repaint */
  hideUi(): Promise<void>;
  /** put back our panel, the fixed/sticky elements and the scroll position */
  showUi(): Promise<void>;
  serializeDom(): Promise<string>;
  /** hand the page one image the extension fetched for the re-render (page URL -> data: URL) */
  addRenderImage(pageUrl: string, dataUrl: string): Promise<void>;
  /** load the renderer into the page; only the background can (the page side has none) */
  loadRenderer?(): Promise<void>;
  /** re-render the page (html2canvas-pro) with the images handed in so far */
  renderFullPage(): Promise<RenderedImage[]>;
  /** scroll, wait for lazy images; resolves to the offset reached */
  scrollTo(y: number): Promise<number | void>;
  metrics(): Promise<PageCaptureMetrics>;
  hideFixedAndSticky?(): Promise<void>;
}
