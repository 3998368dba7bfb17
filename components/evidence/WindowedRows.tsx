import { startTransition, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { usePageWindow } from '@/components/evidence/use-page-window';

// A table body that keeps its first `headCount` rows in the DOM (automation finds them without
// scrolling, contract §6.2) and draws the rest a screenful at a time as the page scrolls. The head
// goes in a screenful first and the remainder in chunks after that frame, so a new list shows at
// once; tail rows are assumed as tall as the head's rows are on average.

interface Props<T> {
  items: readonly T[];
  /** a new value means a new list (another filter or order), drawn again from one screenful; the
   * same list re-read (a capture stamped, added or deleted) keeps every row it has */
  resetKey: string;
  headCount: number;
  colSpan: number;
  renderRow: (item: T, index: number) => ReactNode;
}

const FALLBACK_ROW_PX = 56;
/** enough rows to fill a tall screen */
const FIRST_CHUNK = 40;
const CHUNK = 100;

function Spacer({ height, colSpan, edge }: { height: number; colSpan: number; edge: string }) {
  return height > 0 ? (
    <tr aria-hidden="true" data-spacer={edge} style={{ height }}>
      <td colSpan={colSpan} style={{ padding: 0, border: 0 }} />
    </tr>
  ) : null;
}

export function WindowedRows<T>({ items, resetKey, headCount, colSpan, renderRow }: Props<T>) {
  const head = useRef<HTMLTableSectionElement>(null);
  const tail = useRef<HTMLTableSectionElement>(null);
  const [rowHeight, setRowHeight] = useState(FALLBACK_ROW_PX);
  // a new list starts again from one screenful (state reset during render, as React advises)
  const [listShown, setListShown] = useState(resetKey);
  const [headShown, setHeadShown] = useState(FIRST_CHUNK);
  if (listShown !== resetKey) {
    setListShown(resetKey);
    setHeadShown(FIRST_CHUNK);
  }
  const shownHead = Math.min(headShown, headCount);
  const headDone = shownHead >= headCount;
  const tailCount = headDone ? Math.max(items.length - headCount, 0) : 0;
  const { first, last } = usePageWindow(tail, tailCount, rowHeight);

  useEffect(() => {
    if (headDone) return;
    // after this frame, as a transition: typing and scrolling go first
    const timer = setTimeout(() => startTransition(() => setHeadShown((n) => n + CHUNK)), 0);
    return () => clearTimeout(timer);
  }, [headDone, headShown]);

  useLayoutEffect(() => {
    const rows = head.current?.rows.length ?? 0;
    if (!rows || !tailCount) return;
    const measured = head.current!.getBoundingClientRect().height / rows;
    if (measured > 0 && Math.abs(measured - rowHeight) > 1) setRowHeight(measured);
  }, [items, tailCount, rowHeight]);

  const headRows = [];
  for (let i = 0; i < shownHead; i++) headRows.push(renderRow(items[i]!, i));
  const tailRows = [];
  for (let i = first; i < last; i++) tailRows.push(renderRow(items[headCount + i]!, headCount + i));
  return (
    <>
      <tbody ref={head} data-testid="capture-list-head" data-complete={headDone}>
        {headRows}
      </tbody>
      <tbody ref={tail} data-testid="capture-list-tail" data-first={headCount + first} data-last={headCount + last}>
        <Spacer height={first * rowHeight} colSpan={colSpan} edge="top" />
        {tailRows}
        <Spacer height={(tailCount - last) * rowHeight} colSpan={colSpan} edge="bottom" />
      </tbody>
    </>
  );
}
