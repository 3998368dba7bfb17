// Which rows to draw for a scroll position, by hand: rows have one fixed height. Browsers cap
// element heights (Firefox near 17.9 million px, a million rows at 28 px is 28 million), so past
// MAX_SCROLL_PX the scrollbar is scaled and rows are placed relative to the viewport.

export const MAX_SCROLL_PX = 10_000_000;

export interface VirtualWindow {
  /** height of the scrolling spacer */
  spacer: number;
  first: number;
  last: number;
  /** top (px, inside the spacer) of row `first` */
  top: number;
}

export function virtualWindow(rowCount: number, rowHeight: number, viewport: number, scrollTop: number, overscan = 5): VirtualWindow {
  const total = rowCount * rowHeight;
  const spacer = Math.min(total, MAX_SCROLL_PX);
  const scrollRange = Math.max(spacer - viewport, 0);
  const virtualRange = Math.max(total - viewport, 0);
  const clamped = Math.min(Math.max(scrollTop, 0), scrollRange);
  const virtualTop = scrollRange > 0 ? (clamped * virtualRange) / scrollRange : 0;
  const visibleFirst = Math.floor(virtualTop / rowHeight);
  const first = Math.max(0, visibleFirst - overscan);
  const last = Math.min(rowCount, Math.ceil((virtualTop + viewport) / rowHeight) + overscan);
  return { spacer, first, last, top: clamped + first * rowHeight - virtualTop };
}
