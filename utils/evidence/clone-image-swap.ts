import type { Restore } from '@/utils/evidence/hide-own-ui';

// html2canvas re-renders a clone of the page; its cross-origin images must show the extension's
// copies (page-image-urls.ts), which are swapped into the clone only, never into the live page.

function srcsetUrls(img: HTMLImageElement): string[] {
  const set = img.getAttribute('srcset');
  if (!set) return [];
  return set
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean)
    .map((u) => {
      try {
        return new URL(u, img.baseURI).href;
      } catch {
        return u;
      }
    });
}

/** The replacement for `img` (looked up by the URL it shows, its src, then its srcset). */
function replacementFor(img: HTMLImageElement, imageUrls: Readonly<Record<string, string>>): string | undefined {
  return [img.currentSrc, img.src, ...srcsetUrls(img)].map((c) => (c ? imageUrls[c] : undefined)).find(Boolean);
}

function pointAt(img: HTMLImageElement, url: string): void {
  img.removeAttribute('srcset');
  img.removeAttribute('loading');
  img.src = url;
}

/** In html2canvas's clone (onclone): point images at the extension's copies; returns how many. */
export function swapImages(clone: Document, imageUrls: Readonly<Record<string, string>>): number {
  const copies = new Set(Object.values(imageUrls));
  let swapped = 0;
  for (const img of Array.from(clone.images)) {
    const url = copies.has(img.src) ? img.src : replacementFor(img, imageUrls);
    if (!url) continue;
    // A <picture>'s <source> would win over `src`; the clone is discarded after rendering.
    if (img.parentElement?.tagName === 'PICTURE') for (const s of Array.from(img.parentElement.querySelectorAll('source'))) s.remove();
    if (img.getAttribute('src') !== url) pointAt(img, url);
    swapped++;
  }
  return swapped;
}

/**
 * Until the returned function is called, every <img> copied with cloneNode (as html2canvas builds
 * its clone) starts out pointing at the extension's copy. Otherwise the clone first loads each
 * original URL again from the network, and html2canvas waits for all of them before `onclone`
 * can swap them. Only our isolated world's prototype is wrapped: the page's scripts and the live
 * page are untouched. Images shown through srcset or <picture> are re-pointed by html2canvas
 * itself after copying; `swapImages` in onclone still catches those.
 */
export function swapImagesWhileCloning(doc: Document, imageUrls: Readonly<Record<string, string>>): Restore {
  const view = doc.defaultView;
  if (!view || Object.keys(imageUrls).length === 0) return () => {};
  const proto = view.Node.prototype;
  const original = proto.cloneNode;
  proto.cloneNode = function cloneNode(this: Node, deep?: boolean): Node {
    const copy = original.call(this, deep);
    if (this instanceof view.HTMLImageElement && copy instanceof view.HTMLImageElement) {
      const url = replacementFor(this, imageUrls);
      if (url) pointAt(copy, url);
    }
    return copy;
  };
  return () => {
    proto.cloneNode = original;
  };
}
