import html2canvas from 'html2canvas-pro';
export { crossOriginImageUrls } from '@/utils/evidence/cross-origin-images';
import type { Restore } from '@/utils/evidence/hide-own-ui';
import { isOwnNode } from '@/utils/content/own-nodes';
import { swapImages, swapImagesWhileCloning } from '@/utils/evidence/clone-image-swap';
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
 * background fetches them with its host permissions and hands them in (page-image-urls.ts), and
 * they are swapped into html2canvas's clone, never into the live page (clone-image-swap.ts).
 */

export interface RenderedImage {
  dataUrl: string;
  width: number;
  height: number;
  note?: string;
}

export type RegionRenderer = (region: TileRegion, scale: number) => Promise<Omit<RenderedImage, 'note'>>;

export interface RenderFullPageOptions {
  /** page image URL -> URL of the extension's copy (blob: or data:), swapped into the clone */
  imageUrls?: Readonly<Record<string, string>>;
  /** canvas pixels per CSS pixel; defaults to the page's devicePixelRatio capped at `maxScale` */
  scale?: number;
  maxScale?: number;
  limits?: CanvasLimits;
  /** the tile renderer; html2canvas-pro unless a test injects one */
  render?: RegionRenderer;
}

const METHOD_NOTE = "html2canvas-pro re-render of the DOM (not the browser's own pixels)";

/** Renders `width` x `height` page in as many canvases as the limits need, labelled "part i/n". */
export async function renderInTiles(
  render: RegionRenderer,
  size: { width: number; height: number },
  scale: number,
  limits: CanvasLimits = CHROMIUM_CANVAS_LIMITS,
): Promise<RenderedImage[]> {
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

const RENDERER_IGNORE_ATTRIBUTE = 'data-html2canvas-ignore';

/**
 * html2canvas leaves out every element carrying `data-html2canvas-ignore`, a name any seller can
 * put on an element to keep it out of the re-render. While the renderer runs, our isolated
 * world's `hasAttribute` answers false for that name (the page's own scripts are untouched);
 * what we leave out is decided by `ignoreElements` alone (our nodes, known by reference).
 */
export function blindToIgnoreAttribute(doc: Document): Restore {
  const view = doc.defaultView;
  if (!view) return () => {};
  const proto = view.Element.prototype;
  const original = proto.hasAttribute;
  proto.hasAttribute = function hasAttribute(this: Element, name: string): boolean {
    return name.toLowerCase() === RENDERER_IGNORE_ATTRIBUTE ? false : original.call(this, name);
  };
  return () => {
    proto.hasAttribute = original;
  };
}

/** The real renderer: one html2canvas-pro call per tile region. */
export function html2canvasRenderer(doc: Document, imageUrls: Readonly<Record<string, string>>): RegionRenderer {
  const view = doc.defaultView;
  return async (region, scale) => {
    const restoreCloning = swapImagesWhileCloning(doc, imageUrls);
    const restoreIgnore = blindToIgnoreAttribute(doc);
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
      // html2canvas skips an ignored element's subtree: checking the element itself is enough.
      ignoreElements: isOwnNode,
      onclone: (clone) => void swapImages(clone, imageUrls),
    }).finally(() => {
      restoreIgnore();
      restoreCloning();
    });
    return { dataUrl: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height };
  };
}

/** Full-page PNG(s) of `doc`, split past the canvas limits; never silently truncated. */
export async function renderFullPage(doc: Document, options: RenderFullPageOptions = {}): Promise<RenderedImage[]> {
  const render = options.render ?? html2canvasRenderer(doc, options.imageUrls ?? {});
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
