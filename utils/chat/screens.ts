import { elementScroller, type Scroller } from '@/utils/chat/load-history';

// Screenshots of a chat are taken one screen of the message list at a time (the background's
// captureVisibleTab sees only the viewport), so the list is stepped from top to bottom.

/** Scroll positions that together show the whole list; consecutive screens overlap by `overlapPx`. */
export function screenPositions(scrollHeight: number, clientHeight: number, overlapPx = 0): number[] {
  if (clientHeight <= 0 || scrollHeight <= clientHeight) return [0];
  const step = Math.max(1, clientHeight - Math.max(0, Math.min(overlapPx, clientHeight - 1)));
  const last = scrollHeight - clientHeight;
  const positions: number[] = [];
  for (let top = 0; top < last; top += step) positions.push(top);
  positions.push(last);
  return positions;
}

export interface ForEachScreenOptions {
  scroller?: Scroller;
  overlapPx?: number;
  /** time for the page to paint (and lazy images to appear) after each scroll */
  settleMs?: number;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  /** put the list back where the user had it afterwards (default true) */
  restore?: boolean;
}

export type ScreenCallback = (index: number, total: number, scrollTop: number) => Promise<void> | void;

/**
 * Scrolls the container to each screen from top to bottom and awaits the callback there.
 * Returns how many screens were visited (fewer than the total when aborted).
 */
export async function forEachScreen(container: Element | null, callback: ScreenCallback, options: ForEachScreenOptions = {}): Promise<number> {
  const scroller = options.scroller ?? (container ? elementScroller(container, false) : undefined);
  if (!scroller) throw new Error('forEachScreen needs a container or a scroller');
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const settleMs = options.settleMs ?? 250;
  const original = scroller.getScrollTop();
  const positions = screenPositions(scroller.getScrollHeight(), scroller.getClientHeight(), options.overlapPx ?? 0);
  let visited = 0;
  try {
    for (const [index, top] of positions.entries()) {
      if (options.signal?.aborted) break;
      scroller.setScrollTop(top);
      await sleep(settleMs);
      await callback(index, positions.length, top);
      visited++;
    }
  } finally {
    if (options.restore !== false) scroller.setScrollTop(original);
  }
  return visited;
}
