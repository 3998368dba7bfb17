import { useEffect, useState, type RefObject } from 'react';
import { virtualWindow } from '@/components/authorized/virtual-window';

// Which rows of a long list to draw when the page itself scrolls (the dashboard has no inner
// scroll box): the part of `tail` above and below the viewport becomes spacer height.

export interface RowRange {
  first: number;
  last: number;
}

function rangeFor(tail: HTMLElement | null, count: number, rowHeight: number, overscan: number): RowRange {
  if (!tail || count === 0) return { first: 0, last: Math.min(count, overscan) };
  const scrolledPast = -tail.getBoundingClientRect().top;
  const w = virtualWindow(count, rowHeight, window.innerHeight, scrolledPast, overscan);
  return { first: w.first, last: w.last };
}

export function usePageWindow(tail: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 20): RowRange {
  const [range, setRange] = useState<RowRange>({ first: 0, last: Math.min(count, overscan) });
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const next = rangeFor(tail.current, count, rowHeight, overscan);
      setRange((r) => (r.first === next.first && r.last === next.last ? r : next));
    };
    // one update per frame however many scroll events arrive
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule);
    return () => {
      removeEventListener('scroll', schedule);
      removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [tail, count, rowHeight, overscan]);
  return { first: Math.min(range.first, count), last: Math.min(range.last, count) };
}
