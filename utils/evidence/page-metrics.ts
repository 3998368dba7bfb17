// Re-exported for callers that treat it as part of the scrolling toolkit; it lives in hide-own-ui.
export { hideFixedAndSticky } from '@/utils/evidence/hide-own-ui';

// Geometry the background needs to plan a full-page capture, and scrolling that waits for the
// lazy images a marketplace page only loads once they come into view (bounded, never hanging).

export interface PageMetrics {
  viewportWidth: number;
  viewportHeight: number;
  devicePixelRatio: number;
  scrollWidth: number;
  scrollHeight: number;
  scrollX: number;
  scrollY: number;
}

export function pageMetrics(win: Window): PageMetrics {
  const doc = win.document;
  const root = doc.documentElement;
  const body = doc.body;
  return {
    viewportWidth: root.clientWidth || win.innerWidth,
    viewportHeight: root.clientHeight || win.innerHeight,
    devicePixelRatio: win.devicePixelRatio || 1,
    scrollWidth: Math.max(root.scrollWidth, body?.scrollWidth ?? 0, root.clientWidth),
    scrollHeight: Math.max(root.scrollHeight, body?.scrollHeight ?? 0, root.clientHeight),
    scrollX: win.scrollX,
    scrollY: win.scrollY,
  };
}

/** Top offsets of a stitched series: one per viewport, the last aligned to the page bottom. */
export function scrollPositions(scrollHeight: number, viewportHeight: number): number[] {
  if (viewportHeight <= 0) return [0];
  const last = Math.max(0, scrollHeight - viewportHeight);
  const positions: number[] = [];
  for (let y = 0; y < last; y += viewportHeight) positions.push(y);
  positions.push(last);
  return positions;
}

export const LAZY_WAIT_MS = 1500;

const LAZY_SELECTOR = 'img[loading="lazy"], img[data-src], img[data-lazy-src], img[data-ks-lazyload], img[data-lazyload]';

/** Lazy images intersecting the viewport that have not finished loading. */
export function pendingLazyImages(win: Window): HTMLImageElement[] {
  const height = win.innerHeight;
  return Array.from(win.document.querySelectorAll<HTMLImageElement>(LAZY_SELECTOR)).filter((img) => {
    if (img.complete) return false;
    const r = img.getBoundingClientRect();
    return r.bottom > 0 && r.top < height && r.width > 0;
  });
}

export interface SettleOptions {
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until the given images load or fail, or `maxWaitMs` passes, whichever is first. */
export async function waitForImages(images: HTMLImageElement[], { maxWaitMs = LAZY_WAIT_MS, sleep = realSleep }: SettleOptions = {}): Promise<void> {
  if (images.length === 0) return;
  const loads = images.map(
    (img) =>
      new Promise<void>((resolve) => {
        if (img.complete) return resolve();
        img.addEventListener('load', () => resolve(), { once: true });
        img.addEventListener('error', () => resolve(), { once: true });
      }),
  );
  await Promise.race([Promise.all(loads), sleep(maxWaitMs)]);
}

/**
 * Scrolls to `y` (instantly, ignoring `scroll-behavior: smooth`), lets the page react for two
 * frames, waits for lazy images now in view and returns where the page actually scrolled to.
 */
export async function scrollToAndSettle(win: Window, y: number, options: SettleOptions = {}): Promise<number> {
  win.scrollTo({ left: 0, top: y, behavior: 'instant' });
  const sleep = options.sleep ?? realSleep;
  // Frames do not come in a hidden tab; never wait for them longer than a moment.
  await Promise.race([nextFrames(win, 2), sleep(100)]);
  await waitForImages(pendingLazyImages(win), options);
  return win.scrollY;
}

function nextFrames(win: Window, n: number): Promise<void> {
  if (typeof win.requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const step = (left: number) => (left <= 0 ? resolve() : win.requestAnimationFrame(() => step(left - 1)));
    step(n);
  });
}
