// Chromium cannot allocate a canvas taller or wider than 32,767 px or larger than 268,435,456
// pixels (Firefox and Safari are similar or lower); past that, drawing silently yields a blank
// or throws. A long page is therefore cut into tiles by height, each labelled "part i/n".

export const CANVAS_MAX_SIDE = 32_767;
export const CANVAS_MAX_AREA = 268_435_456;

export interface CanvasLimits {
  maxSide: number;
  maxArea: number;
}

export const CHROMIUM_CANVAS_LIMITS: CanvasLimits = { maxSide: CANVAS_MAX_SIDE, maxArea: CANVAS_MAX_AREA };

export interface TileRegion {
  /** CSS pixels in page coordinates */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TilePlan {
  tiles: TileRegion[];
  /** true when the page is wider than one canvas can be: the right edge is cut */
  widthCut: boolean;
}

/** Splits a `width` x `height` CSS-px page rendered at `scale` into canvases within `limits`. */
export function planTiles(width: number, height: number, scale: number, limits: CanvasLimits = CHROMIUM_CANVAS_LIMITS): TilePlan {
  const w = Math.max(1, Math.ceil(width));
  const h = Math.max(1, Math.ceil(height));
  const maxWidth = Math.floor(limits.maxSide / scale);
  const tileWidth = Math.min(w, maxWidth);
  const byArea = Math.floor(limits.maxArea / (Math.ceil(tileWidth * scale) * scale));
  const tileHeight = Math.max(1, Math.min(Math.floor(limits.maxSide / scale), byArea));
  const tiles: TileRegion[] = [];
  for (let y = 0; y < h; y += tileHeight) tiles.push({ x: 0, y, width: tileWidth, height: Math.min(tileHeight, h - y) });
  return { tiles, widthCut: tileWidth < w };
}

/** The note on part `i` (1-based) of `n`. */
export function partNote(i: number, n: number, tile: TileRegion, pageHeight: number): string | undefined {
  if (n <= 1) return undefined;
  return `part ${i}/${n}: page rows ${tile.y}-${tile.y + tile.height} of ${Math.ceil(pageHeight)} px (the page is taller than one canvas can hold)`;
}
