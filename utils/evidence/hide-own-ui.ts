import { isInsideOwnNode, isOwnNode, ownElementsIn } from '@/utils/content/own-nodes';

// Our panel must not appear in the evidence, and a stitched series must not repeat headers and
// floating bars in every tile. Both are hidden with inline `!important` styles and put back
// exactly as they were (value and priority), so the page is left as the investigator saw it.

export type Restore = () => void;

function hideAll(elements: Iterable<HTMLElement>): Restore {
  const saved: { el: HTMLElement; value: string; priority: string }[] = [];
  for (const el of elements) {
    saved.push({ el, value: el.style.getPropertyValue('visibility'), priority: el.style.getPropertyPriority('visibility') });
    el.style.setProperty('visibility', 'hidden', 'important');
  }
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    for (const { el, value, priority } of saved.reverse()) {
      if (value) el.style.setProperty('visibility', value, priority);
      else el.style.removeProperty('visibility');
    }
  };
}

/** Our elements in `doc`, known by reference (own-nodes.ts); no attribute a page could copy. */
export function ownUiElements(doc: Document): HTMLElement[] {
  return ownElementsIn(doc);
}

export function isOwnUi(el: Element): boolean {
  return isInsideOwnNode(el);
}

/** Hides every element of ours in `doc`; the returned function restores them. */
export function hideOwnUi(doc: Document): Restore {
  return hideAll(ownUiElements(doc));
}

/**
 * Hides the page's `position: fixed | sticky` elements (headers, side bars, chat bubbles) for
 * the tiles after the first of a stitched series; our own UI is handled by `hideOwnUi`.
 */
export function hideFixedAndSticky(doc: Document): Restore {
  const view = doc.defaultView;
  if (!view || !doc.body) return () => {};
  const found: HTMLElement[] = [];
  const walker = doc.createTreeWalker(doc.body, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as HTMLElement;
    // Our elements are registered themselves; what they hold is in a shadow root or theirs alone.
    if (!('style' in el) || isOwnNode(el)) continue;
    const position = view.getComputedStyle(el).position;
    if (position === 'fixed' || position === 'sticky') found.push(el);
  }
  return hideAll(found);
}
