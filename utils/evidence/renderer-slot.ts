import type { RenderedImage } from '@/utils/evidence/render-in-page';

// html2canvas-pro is about 400 KB: loading it into every marketplace page would slow every page
// load for a step that runs only on capture. The background injects entrypoints/full-page-renderer
// on demand; it runs in the same isolated world as our content script and leaves its render
// function here for the capture session to call.

/** `imageUrls`: page image URL -> URL of the extension's copy, swapped into the render's clone */
export type FullPageRenderer = (imageUrls: Record<string, string>) => Promise<RenderedImage[]>;

const SLOT = '__listingproofFullPageRenderer';

export function installRenderer(win: Window, render: FullPageRenderer): void {
  (win as unknown as Record<string, unknown>)[SLOT] = render;
}

export function loadedRenderer(win: Window): FullPageRenderer | undefined {
  const fn = (win as unknown as Record<string, unknown>)[SLOT];
  return typeof fn === 'function' ? (fn as FullPageRenderer) : undefined;
}
