import type { RawChatMessage } from '@/utils/model/chat';
import { textOf } from '@/utils/marketplaces/decode';
import { classTokens } from '@/utils/chat/message-parts';
import { CENTER_TOKENS, LEFT_TOKENS, RIGHT_TOKENS } from '@/utils/chat/role-hints';
import { readRow } from '@/utils/chat/row-reader';
import { SelectorIndex } from '@/utils/chat/selector-index';
import { looksLikeChatTime } from '@/utils/chat/parse-chat-time';
import { isOwnNode } from '@/utils/content/own-nodes';
import { platformOfHost, type ChatReader, type ReadOptions } from '@/utils/chat/readers/reader';

// The reader for layouts nobody wrote a reader for: given the list the user picked, find the
// repeated child structure (the message rows) and read each row with the shared heuristics.

const ROLE_TOKENS = new Set([...RIGHT_TOKENS, ...LEFT_TOKENS, ...CENTER_TOKENS]);

/** tag plus class words, minus the words that only say which side a row is on */
export function rowSignature(el: Element): string {
  const tokens = classTokens(el).filter((t) => !ROLE_TOKENS.has(t));
  return [el.tagName.toLowerCase(), ...new Set(tokens)].sort().join('.');
}

function contentful(el: Element): boolean {
  if (isOwnNode(el)) return false;
  return (el.textContent?.trim() ?? '') !== '' || el.querySelector('img') !== null || el.tagName === 'IMG';
}

/** Size of the largest group of same-signature children: how list-like an element is. */
function listScore(parent: Element): number {
  const counts = new Map<string, number>();
  let best = 0;
  for (const child of parent.children) {
    if (!contentful(child)) continue;
    const sig = rowSignature(child);
    const n = (counts.get(sig) ?? 0) + 1;
    counts.set(sig, n);
    best = Math.max(best, n);
  }
  return best;
}

/**
 * The message rows under a picked container: the children of the most list-like element within
 * `maxDepth` levels (nearest wins a tie). Rows grouped in per-day blocks are joined.
 */
export function findMessageRows(container: Element, maxDepth = 4): Element[] {
  let best: Element = container;
  let bestScore = listScore(container);
  let level: Element[] = [container];
  for (let depth = 1; depth <= maxDepth; depth++) {
    level = level.flatMap((el) => Array.from(el.children).filter((c) => !isOwnNode(c)));
    for (const el of level) {
      const score = listScore(el);
      if (score > bestScore) [best, bestScore] = [el, score];
    }
  }
  if (bestScore === 0) return [];
  const kids = Array.from(best.children).filter(contentful);
  const parent = best.parentElement;
  let groups = [best];
  if (kids.length > 1 && kids.every(isDayBlock) && new Set(kids.map(rowSignature)).size === 1) {
    groups = kids;
  } else if (best !== container && parent && container.contains(parent)) {
    const sig = rowSignature(best);
    const siblings = Array.from(parent.children).filter((c) => rowSignature(c) === sig && contentful(c));
    if (siblings.length > 1 && siblings.every(isDayBlock)) groups = siblings;
  }
  return groups.flatMap((g) => Array.from(g.children).filter(contentful));
}

/** A block of one day's rows: a date line first, then rows (chat UIs that group by day). */
function isDayBlock(el: Element): boolean {
  const first = Array.from(el.children).find(contentful);
  return el.children.length > 1 && listScore(el) >= 2 && first !== undefined && looksLikeChatTime(first.textContent ?? '');
}

/** A picked container may be the scroller around the list; any element qualifies. */
function findContainer(doc: Document): Element | null {
  let best: Element | null = null;
  let bestScore = 2;
  for (const el of doc.body?.querySelectorAll('*') ?? []) {
    const overflow = doc.defaultView?.getComputedStyle(el).overflowY ?? '';
    if (!/(auto|scroll)/.test(overflow)) continue;
    const score = findMessageRows(el).length;
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  return best;
}

export const genericReader: ChatReader = {
  id: 'generic',
  platform: (url) => platformOfHost(url.hostname),
  // Never claimed by URL: it reads what the user picked.
  matches: () => false,
  findContainer,
  countRows: (container) => findMessageRows(container).length,
  readMessages(container: Element, options: ReadOptions = {}): RawChatMessage[] {
    const base = container.ownerDocument.URL;
    const index = new SelectorIndex(container, {});
    const out: RawChatMessage[] = [];
    for (const row of findMessageRows(container)) {
      const message = readRow(row, { ...options, container, base, index });
      if (message) out.push(message);
    }
    return out;
  },
  // Only an element that says it is a shop name; the page title is too often the site's.
  readHeader: (doc) => {
    const shopName = textOf(doc, '[class*="shop-name"]', '[class*="shopName"]', '[class*="mall-name"]', '[class*="mallName"]');
    return shopName ? { shopName } : {};
  },
};
