import type { RawChatMessage } from '@/utils/model/chat';

// The list is read after every round of history loading; rows read before may be re-rendered
// (new nodes, same content) or dropped by a virtualised list. Snapshots are joined by aligning
// their longest run of equal rows, so two identical "好的" are told apart by their neighbours.

/** What makes two reads of a row the same row: the platform id, else its visible content. */
export function rowKey(m: RawChatMessage): string {
  if (m.messageId) return `id:${m.messageId}`;
  return [m.kind, m.role, m.timeText, m.text, m.images.join(' '), m.recalled ? 'r' : ''].join('\u0001');
}

interface Overlap {
  i: number;
  j: number;
  length: number;
}

/** The longest run a[i..] == b[j..] that starts at the beginning of a or of b and runs to an end. */
function bestOverlap(a: string[], b: string[]): Overlap | undefined {
  let best: Overlap | undefined;
  const consider = (i: number, j: number): void => {
    let length = 0;
    while (i + length < a.length && j + length < b.length && a[i + length] === b[j + length]) length++;
    const reachesEnd = i + length === a.length || j + length === b.length;
    if (length > 0 && reachesEnd && (!best || length > best.length)) best = { i, j, length };
  };
  for (let j = 0; j < b.length; j++) if (b[j] === a[0]) consider(0, j);
  for (let i = 1; i < a.length; i++) if (a[i] === b[0]) consider(i, 0);
  return best;
}

/**
 * Joins an earlier result `known` with a new snapshot `next` of the same list. Without any
 * overlap, `next` is taken as older history (the list is loaded upwards).
 */
export function mergeSnapshots(known: RawChatMessage[], next: RawChatMessage[]): RawChatMessage[] {
  if (known.length === 0) return next.slice();
  if (next.length === 0) return known.slice();
  const a = known.map(rowKey);
  const b = next.map(rowKey);
  const o = bestOverlap(a, b);
  if (!o) return [...next, ...known];
  if (o.i === 0) {
    // known starts inside next: next's older rows, the shared run, then whichever continues.
    const head = next.slice(0, o.j);
    const shared = next.slice(o.j, o.j + o.length);
    const tail = o.length === known.length ? next.slice(o.j + o.length) : known.slice(o.length);
    return [...head, ...shared, ...tail];
  }
  // next starts inside known.
  const head = known.slice(0, o.i);
  const shared = next.slice(0, o.length);
  const tail = o.i + o.length === known.length ? next.slice(o.length) : known.slice(o.i + o.length);
  return [...head, ...shared, ...tail];
}
