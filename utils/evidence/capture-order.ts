import type { CaseWithCaptures } from '@/utils/evidence/capture-queries';
import type { CaptureRecord, CaseRecord } from '@/utils/model/capture';

// The captures view as one list of rows: grouped by case (a case row, then its captures, newest
// first) or flat, sorted by capture time, shop or price. One flat list is what lets the view draw
// only the rows on screen.

export type CaptureSortKey = 'case' | 'time' | 'shop' | 'price';
export interface CaptureSort {
  key: CaptureSortKey;
  dir: 'asc' | 'desc';
}
export const DEFAULT_SORT: CaptureSort = { key: 'case', dir: 'desc' };

export type CaptureListRow = { kind: 'case'; item: CaseWithCaptures } | { kind: 'capture'; capture: CaptureRecord; case: CaseRecord };

/** Clicking a column sorts by it; clicking it again turns the direction round. */
export function nextSort(current: CaptureSort, key: CaptureSortKey): CaptureSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'shop' || key === 'price' ? 'asc' : 'desc' };
}

const collator = new Intl.Collator('zh-CN');

export function captureRows(cases: readonly CaseWithCaptures[], sort: CaptureSort): CaptureListRow[] {
  const rows: CaptureListRow[] = [];
  if (sort.key === 'case') {
    for (const item of cases) {
      rows.push({ kind: 'case', item });
      for (const capture of item.captures) rows.push({ kind: 'capture', capture, case: item.case });
    }
    return rows;
  }
  // sort keys computed once per capture, not once per comparison
  const keyed = cases.flatMap((item) =>
    item.captures.map((capture) => {
      const price = capture.price.lowest === '' ? Number.NaN : Number(capture.price.lowest);
      return { capture, case: item.case, time: Date.parse(capture.capturedAt), shop: capture.shop.name || item.case.shopName, price };
    }),
  );
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byTime = (a: (typeof keyed)[number], b: (typeof keyed)[number]) => a.time - b.time;
  const compare =
    sort.key === 'time'
      ? (a: (typeof keyed)[number], b: (typeof keyed)[number]) => sign * byTime(a, b)
      : sort.key === 'shop'
        ? (a: (typeof keyed)[number], b: (typeof keyed)[number]) => sign * collator.compare(a.shop, b.shop) || -byTime(a, b)
        : // captures without a price go last either way
          (a: (typeof keyed)[number], b: (typeof keyed)[number]) =>
            (Number.isNaN(a.price) ? 1 : 0) - (Number.isNaN(b.price) ? 1 : 0) || sign * (a.price - b.price) || -byTime(a, b);
  keyed.sort(compare);
  for (const k of keyed) rows.push({ kind: 'capture', capture: k.capture, case: k.case });
  return rows;
}
