// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { pageMetrics, scrollPositions, scrollToAndSettle, waitForImages } from '@/utils/evidence/page-metrics';

describe('scrollPositions', () => {
  it('steps one viewport at a time and ends at the bottom', () => {
    expect(scrollPositions(2500, 1000)).toEqual([0, 1000, 1500]);
    expect(scrollPositions(3000, 1000)).toEqual([0, 1000, 2000]);
    expect(scrollPositions(800, 1000)).toEqual([0]);
  });
});

describe('lazy images', () => {
  it('waits for pending images no longer than the bound', async () => {
    const img = document.createElement('img');
    Object.defineProperty(img, 'complete', { value: false });
    const waited: number[] = [];
    await waitForImages([img], { maxWaitMs: 1500, sleep: async (ms) => void waited.push(ms) });
    expect(waited).toEqual([1500]);
  });
  it('returns as soon as the images load', async () => {
    const img = document.createElement('img');
    Object.defineProperty(img, 'complete', { value: false });
    const done = waitForImages([img], { sleep: () => new Promise(() => {}) });
    img.dispatchEvent(new Event('load'));
    await expect(done).resolves.toBeUndefined();
  });
  it('scrolls and reports where the page went', async () => {
    window.scrollTo = ((opts: ScrollToOptions) => {
      Object.defineProperty(window, 'scrollY', { value: opts.top, configurable: true });
    }) as typeof window.scrollTo;
    expect(await scrollToAndSettle(window, 640, { sleep: async () => {} })).toBe(640);
    expect(pageMetrics(window).scrollY).toBe(640);
  });
});
