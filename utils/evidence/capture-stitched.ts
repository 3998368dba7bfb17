import { CAPTURE_INTERVAL_MS, scheduleCaptures } from '@/utils/evidence/capture-scheduler';
import { pngFromDataUrl, type PngImage } from '@/utils/evidence/capture-viewport';
import { scrollPositions } from '@/utils/evidence/page-metrics';

// A full page in the browser's own pixels: the page is scrolled one viewport at a time and each
// view captured with `captureVisibleTab`. Tiles are kept as separate PNGs (full-tiles/01.png …),
// so no canvas limit applies and no pixel is resampled; each tile's note says where it sits.

export interface StitchedDeps {
  /** `tabs.captureVisibleTab(windowId, { format: 'png' })` -> data: URL */
  captureVisibleTab(): Promise<string>;
  /** asks the page to scroll (waiting for lazy images); resolves to the scroll offset reached */
  scrollTo(y: number): Promise<number | void>;
  sleep(ms: number): Promise<void>;
  /** monotonic ms; without it every tile after the first waits the full interval */
  now?(): number;
  /** asks the page to hide its fixed/sticky elements (after the first tile) */
  hideFixedAndSticky?(): Promise<void>;
}

export interface StitchedInput {
  scrollHeight: number;
  viewportHeight: number;
  /** a bound on the run time (0.55 s per tile); beyond it the series is cut short with a warning */
  maxTiles?: number;
}

export interface StitchedTile extends PngImage {
  path: string;
  note: string;
}

export const STITCHED_MAX_TILES = 40;

export function tilePath(index: number): string {
  return `full-tiles/${String(index + 1).padStart(2, '0')}.png`;
}

export async function captureStitched(deps: StitchedDeps, input: StitchedInput): Promise<{ tiles: StitchedTile[]; warnings: string[] }> {
  const warnings: string[] = [];
  const maxTiles = input.maxTiles ?? STITCHED_MAX_TILES;
  let positions = scrollPositions(input.scrollHeight, input.viewportHeight);
  if (positions.length > maxTiles) {
    positions = positions.slice(0, maxTiles);
    const covered = (positions.at(-1) ?? 0) + input.viewportHeight;
    warnings.push(`full-page tiles cut short: the page is ${input.scrollHeight} px tall; ${maxTiles} tiles cover the first ${covered} px`);
  }
  let fallbackNow = 0; // without a clock, count only the time we slept ourselves
  const clock = {
    now: () => (deps.now ? deps.now() : fallbackNow),
    sleep: async (ms: number) => {
      fallbackNow += ms;
      await deps.sleep(ms);
    },
  };
  const capture = scheduleCaptures(() => deps.captureVisibleTab(), clock, CAPTURE_INTERVAL_MS);
  const tiles: StitchedTile[] = [];
  let previousBottom = 0;
  for (const [i, y] of positions.entries()) {
    if (i === 1 && deps.hideFixedAndSticky) await deps.hideFixedAndSticky();
    const reached = (await deps.scrollTo(y)) ?? y;
    const png = pngFromDataUrl(await capture());
    const overlap = i > 0 ? Math.max(0, previousBottom - reached) : 0;
    const parts = [
      `part ${i + 1}/${positions.length} of a stitched series of browser screenshots (captureVisibleTab)`,
      `page rows ${reached}-${reached + input.viewportHeight} CSS px`,
      overlap > 0 ? `its top ${overlap} CSS px repeat the previous part` : '',
      i > 0 ? 'fixed and sticky elements hidden' : '',
    ];
    tiles.push({ ...png, path: tilePath(i), note: parts.filter(Boolean).join('; ') });
    previousBottom = reached + input.viewportHeight;
  }
  return { tiles, warnings };
}
