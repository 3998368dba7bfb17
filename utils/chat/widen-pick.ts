import { findMessageRows, rowSignature } from '@/utils/chat/readers/generic';

// A click picks the element under the mouse or its nearest scrollable ancestor; in a list that
// does not scroll (a short chat) that is a bubble. Widen the pick to the nearest ancestor whose
// rows repeat one structure, which is what a message list looks like.

/** How many rows under `el` share the most common structure. */
export function repeatedRows(el: Element): number {
  const counts = new Map<string, number>();
  let best = 0;
  for (const row of findMessageRows(el)) {
    const n = (counts.get(rowSignature(row)) ?? 0) + 1;
    counts.set(rowSignature(row), n);
    best = Math.max(best, n);
  }
  return best;
}

/** The picked element or its nearest ancestor (below <body>) with at least `minRows` alike rows. */
export function widenPick(picked: Element, minRows = 2): Element {
  const body = picked.ownerDocument.body;
  for (let el: Element | null = picked; el && el !== body && el !== picked.ownerDocument.documentElement; el = el.parentElement) {
    if (repeatedRows(el) >= minRows) return el;
  }
  return picked;
}
