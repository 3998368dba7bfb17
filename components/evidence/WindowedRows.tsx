import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { usePageWindow } from '@/components/evidence/use-page-window';

// A table body that keeps its first `headCount` rows in the DOM (automation finds them without
// scrolling, contract §6.2) and draws the rest a screenful at a time as the page scrolls. Tail
// rows are assumed as tall as the head's rows are on average, measured after each render.

interface Props<T> {
  items: readonly T[];
  headCount: number;
  colSpan: number;
  renderRow: (item: T, index: number) => ReactNode;
}

const FALLBACK_ROW_PX = 56;

function Spacer({ height, colSpan, edge }: { height: number; colSpan: number; edge: string }) {
  return height > 0 ? (
    <tr aria-hidden="true" data-spacer={edge} style={{ height }}>
      <td colSpan={colSpan} style={{ padding: 0, border: 0 }} />
    </tr>
  ) : null;
}

export function WindowedRows<T>({ items, headCount, colSpan, renderRow }: Props<T>) {
  const head = useRef<HTMLTableSectionElement>(null);
  const tail = useRef<HTMLTableSectionElement>(null);
  const [rowHeight, setRowHeight] = useState(FALLBACK_ROW_PX);
  const headItems = items.slice(0, headCount);
  const tailCount = Math.max(items.length - headCount, 0);
  const { first, last } = usePageWindow(tail, tailCount, rowHeight);

  useLayoutEffect(() => {
    const rows = head.current?.rows.length ?? 0;
    if (!rows || !tailCount) return;
    const measured = head.current!.getBoundingClientRect().height / rows;
    if (measured > 0 && Math.abs(measured - rowHeight) > 1) setRowHeight(measured);
  }, [items, tailCount, rowHeight]);

  const shown = [];
  for (let i = first; i < last; i++) shown.push(renderRow(items[headCount + i]!, headCount + i));
  return (
    <>
      <tbody ref={head}>{headItems.map((item, i) => renderRow(item, i))}</tbody>
      <tbody ref={tail} data-testid="capture-list-tail" data-first={headCount + first} data-last={headCount + last}>
        <Spacer height={first * rowHeight} colSpan={colSpan} edge="top" />
        {shown}
        <Spacer height={(tailCount - last) * rowHeight} colSpan={colSpan} edge="bottom" />
      </tbody>
    </>
  );
}
