// Follows a page that keeps changing (late prices, infinite scroll, SPA re-renders) with one
// MutationObserver. Throttled on the leading edge: the first change after a quiet spell is handled
// at once (new search results get their badges within a frame), later ones at most once per
// interval, so a page that never stops mutating (carousels, timers) costs little.

import { isInsideOwnNode, isOwnNode } from '@/utils/content/own-nodes';

/** Every node is one of our own elements; stops at the first that is not (no copy of the list). */
function allOwn(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) {
    if (!isOwnNode(nodes[i]!)) return false;
  }
  return true;
}

/** A record that only adds or removes our own elements (panel host, badges) is not a page change. */
function onlyOwn(r: MutationRecord): boolean {
  // Node lists first: a badge insertion is the common own record; the ancestor walk costs more.
  if (r.type === 'childList' && r.addedNodes.length + r.removedNodes.length > 0 && allOwn(r.addedNodes) && allOwn(r.removedNodes)) return true;
  return isInsideOwnNode(r.target);
}

export function observePage(root: Node, onChange: () => void, minIntervalMs = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = -Infinity;
  const fire = () => {
    timer = undefined;
    last = performance.now();
    onChange();
  };
  const observer = new MutationObserver((records) => {
    if (timer !== undefined || records.every(onlyOwn)) return;
    const wait = last + minIntervalMs - performance.now();
    // After a quiet spell, read at once (we are in a microtask, before the page renders the
    // change): the verdict request then overlaps the page's own layout and paint.
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => {
    clearTimeout(timer);
    observer.disconnect();
  };
}
