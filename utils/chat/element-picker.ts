// Lets the user point at a chat's message list on a page no reader knows: the element under the
// mouse is outlined, a click picks it (its nearest scrollable ancestor, usually the list), Esc
// cancels. The overlay is our own element, built node by node and never from markup.

import { isInsideOwnNode, markOwnNode } from '@/utils/content/own-nodes';

export interface PickElementOptions {
  doc?: Document;
  signal?: AbortSignal;
  /** pick the nearest scrollable ancestor of the clicked element (default true) */
  preferScrollable?: boolean;
  isScrollable?: (el: Element) => boolean;
  /** text shown at the top of the page while picking */
  hint?: string;
}

export function defaultIsScrollable(el: Element): boolean {
  if (el.scrollHeight <= el.clientHeight) return false;
  const overflow = el.ownerDocument.defaultView?.getComputedStyle(el).overflowY ?? '';
  return /(auto|scroll|overlay)/.test(overflow);
}

/** The element itself or its nearest scrollable ancestor below <body>; the element when none. */
export function nearestScrollable(el: Element, isScrollable: (el: Element) => boolean = defaultIsScrollable): Element {
  const doc = el.ownerDocument;
  for (let e: Element | null = el; e && e !== doc.body && e !== doc.documentElement; e = e.parentElement) {
    if (isScrollable(e)) return e;
  }
  return el;
}

function ownUi(el: Element): boolean {
  return isInsideOwnNode(el);
}

function createOverlay(doc: Document, hint: string | undefined): { box: HTMLElement; label: HTMLElement | undefined } {
  const box = doc.createElement('div');
  box.dataset.testid = 'picker-overlay';
  markOwnNode(box);
  Object.assign(box.style, {
    position: 'fixed',
    pointerEvents: 'none',
    zIndex: '2147483647',
    border: '2px solid #e8590c',
    background: 'rgba(232, 89, 12, 0.12)',
    boxSizing: 'border-box',
    display: 'none',
    left: '0px',
    top: '0px',
    width: '0px',
    height: '0px',
  });
  doc.documentElement.appendChild(box);
  if (!hint) return { box, label: undefined };
  const label = doc.createElement('div');
  label.dataset.testid = 'picker-hint';
  markOwnNode(label);
  label.textContent = hint;
  Object.assign(label.style, {
    position: 'fixed',
    pointerEvents: 'none',
    zIndex: '2147483647',
    top: '8px',
    left: '50%',
    transform: 'translateX(-50%)',
    padding: '6px 12px',
    borderRadius: '4px',
    background: '#222',
    color: '#fff',
    font: '13px/1.4 sans-serif',
  });
  doc.documentElement.appendChild(label);
  return { box, label };
}

/** Resolves with the picked element, or null when cancelled (Esc or the signal). */
export function pickElement(options: PickElementOptions = {}): Promise<Element | null> {
  const doc = options.doc ?? document;
  const isScrollable = options.isScrollable ?? defaultIsScrollable;
  const candidateFor = (target: Element): Element => (options.preferScrollable === false ? target : nearestScrollable(target, isScrollable));
  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      resolve(null);
      return;
    }
    const { box, label } = createOverlay(doc, options.hint);
    const targetOf = (event: Event): Element | null => {
      const t = event.target as Node | null;
      // Duck-typed: the page's window and ours have different Element constructors.
      return t && t.nodeType === 1 && !ownUi(t as Element) ? (t as Element) : null;
    };
    const onMove = (event: Event): void => {
      const target = targetOf(event);
      if (!target) return;
      const r = candidateFor(target).getBoundingClientRect();
      Object.assign(box.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    };
    // The page must not act on the clicks meant for us (links, its own handlers).
    const swallow = (event: Event): void => {
      if (!targetOf(event)) return;
      event.preventDefault();
      event.stopPropagation();
      event.stopImmediatePropagation();
    };
    const onClick = (event: Event): void => {
      const target = targetOf(event);
      if (!target) return;
      swallow(event);
      finish(candidateFor(target));
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      finish(null);
    };
    const onAbort = (): void => finish(null);
    const listeners: [string, EventListener][] = [
      ['mousemove', onMove],
      ['mouseover', onMove],
      ['mousedown', swallow],
      ['mouseup', swallow],
      ['pointerdown', swallow],
      ['pointerup', swallow],
      ['click', onClick],
      ['keydown', onKey as EventListener],
    ];
    function finish(result: Element | null): void {
      for (const [type, fn] of listeners) doc.removeEventListener(type, fn, true);
      options.signal?.removeEventListener('abort', onAbort);
      box.remove();
      label?.remove();
      resolve(result);
    }
    for (const [type, fn] of listeners) doc.addEventListener(type, fn, true);
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
