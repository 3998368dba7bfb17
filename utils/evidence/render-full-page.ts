import html2canvas from 'html2canvas-pro';
export { crossOriginImageUrls } from '@/utils/evidence/cross-origin-images';
import { isOwnUi } from '@/utils/evidence/hide-own-ui';
import { planTiles, partNote, type CanvasLimits, CHROMIUM_CANVAS_LIMITS, type TileRegion } from '@/utils/evidence/canvas-tiles';

/**
 * Full-page image by re-rendering the DOM (content-script side).
 *
 * Why html2canvas-pro and not html2canvas 1.4.1: the marketplaces' current CSS uses `oklch()`
 * and `color-mix()`, on which html2canvas 1.4.1 throws, and it draws box-shadows wrong;
 * html2canvas-pro has the same API, renders those, and was faster on a 9,250 px page
 * (482 ms vs 744 ms). It is still a re-rendering, not the browser's pixels, so every image says
 * so in its note; `captureVisibleTab` (viewport, stitched series) gives the browser's own pixels.
 *
 * Cross-origin images without CORS headers come out blank in any DOM re-renderer; the
 * background fetches them with its host permissions and hands them in as data: URLs, which are
 * swapped into html2canvas's clone (never into the live page).
 */

export interface RenderedImage {
  dataUrl: string;
  width: number;
  height: number;
  note?: string;
}

export type RegionRenderer = (region: TileRegion, scale: number) => Promise<Omit<RenderedImage, 'note'>>;

export interface RenderFullPageOptions {
  /** page image URL -> data: URL fetched by the extension, swapped in on html2canvas's clone */
  imageDataUrls?: Readonly<Record<string, string>>;
  /** canvas pixels per CSS pixel; defaults to the page's devicePixelRatio capped at `maxScale` */
  scale?: number;
  maxScale?: number;
  limits?: CanvasLimits;
  /** the tile renderer; html2canvas-pro unless a test injects one */
  render?: RegionRenderer;
}

const METHOD_NOTE = 'html2canvas-pro re-render of the DOM (not the browser\'s own pixels)';

/** Renders `width` x `height` page in as many canvases as the limits need, labelled "part i/n". */
export async function renderInTiles(render: RegionRenderer, size: { width: number; height: number }, scale: number, limits: CanvasLimits = CHROMIUM_CANVAS_LIMITS): Promise<RenderedImage[]> {
  const plan = planTiles(size.width, size.height, scale, limits);
  const n = plan.tiles.length;
  const out: RenderedImage[] = [];
  for (const [i, tile] of plan.tiles.entries()) {
    const image = await render(tile, scale);
    const parts = [METHOD_NOTE, `scale ${scale}`, partNote(i + 1, n, tile, size.height)];
    if (plan.widthCut) parts.push(`cut at ${tile.width} px of ${Math.ceil(size.width)} px width (canvas limit)`);
    out.push({ ...image, note: parts.filter(Boolean).join('; ') });
  }
  return out;
}

function srcsetUrls(img: HTMLImageElement): string[] {
  const set = img.getAttribute('srcset');
  if (!set) return [];
  return set
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean)
    .map((u) => {
      try {
        return new URL(u, img.baseURI).href;
      } catch {
        return u;
      }
    });
}

/** In html2canvas's clone: point images at the data: URLs the extension fetched. */
export function swapImages(clone: Document, imageDataUrls: Readonly<Record<string, string>>): number {
  let swapped = 0;
  for (const img of Array.from(clone.images)) {
    const candidates = [img.currentSrc, img.src, ...srcsetUrls(img)];
    const data = candidates.map((c) => (c ? imageDataUrls[c] : undefined)).find(Boolean);
    if (!data) continue;
    // A <picture>'s <source> would win over `src`; the clone is discarded after rendering.
    if (img.parentElement?.tagName === 'PICTURE') for (const s of Array.from(img.parentElement.querySelectorAll('source'))) s.remove();
    img.removeAttribute('srcset');
    img.removeAttribute('loading');
    img.src = data;
    swapped++;
  }
  return swapped;
}

/** The real renderer: one html2canvas-pro call per tile region. */
export function html2canvasRenderer(doc: Document, imageDataUrls: Readonly<Record<string, string>>): RegionRenderer {
  const view = doc.defaultView;
  return async (region, scale) => {
    const canvas = await html2canvas(doc.documentElement, {
      x: region.x,
      y: region.y,
      width: region.width,
      height: region.height,
      windowWidth: view?.innerWidth ?? region.width,
      windowHeight: view?.innerHeight ?? region.height,
      scale,
      useCORS: true,
      logging: false,
      backgroundColor: '#ffffff',
      ignoreElements: isOwnUi,
      onclone: (clone) => void swapImages(clone, imageDataUrls),
    });
    return { dataUrl: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height };
  };
}

/** Full-page PNG(s) of `doc`, split past the canvas limits; never silently truncated. */
export async function renderFullPage(doc: Document, options: RenderFullPageOptions = {}): Promise<RenderedImage[]> {
  const render = options.render ?? html2canvasRenderer(doc, options.imageDataUrls ?? {});
  const root = doc.documentElement;
  const body = doc.body;
  const size = {
    width: Math.max(root.scrollWidth, body?.scrollWidth ?? 0, root.clientWidth, 1),
    height: Math.max(root.scrollHeight, body?.scrollHeight ?? 0, root.clientHeight, 1),
  };
  const dpr = doc.defaultView?.devicePixelRatio || 1;
  const scale = options.scale ?? Math.min(dpr, options.maxScale ?? 1);
  return renderInTiles(render, size, scale, options.limits);
}
