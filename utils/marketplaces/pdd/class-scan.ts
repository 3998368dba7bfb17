// Pinduoduo ships hashed CSS-module class names, so elements are found by class-name fragments
// (`goods-name`, `mall-name`). One pass over the subtree classifies every element at once, instead
// of one `[class*=…]` selector-engine walk per field (milliseconds each in jsdom).

/**
 * For each role (a list of fragments, most preferred first), the first element in document order
 * whose class contains the most preferred fragment that occurs at all; `accept` can reject one.
 */
export function scanByClass<R extends string>(
  root: Document | Element,
  roles: Record<R, readonly string[]>,
  accept: (role: R, el: Element) => boolean = () => true,
): Partial<Record<R, Element>> {
  const found: Partial<Record<R, Element>> = {};
  const rank: Partial<Record<R, number>> = {};
  const entries = Object.entries(roles) as [R, readonly string[]][];
  const all = root.getElementsByTagName('*');
  // length once, then index access: named reads on a jsdom collection scan it first
  const n = all.length;
  for (let i = 0; i < n; i++) {
    const el = all[i];
    const cls = el?.getAttribute('class');
    if (!el || !cls) continue;
    for (const [role, fragments] of entries) {
      const best = rank[role] ?? fragments.length;
      for (let f = 0; f < best; f++) {
        if (cls.includes(fragments[f]!) && accept(role, el)) {
          found[role] = el;
          rank[role] = f;
          break;
        }
      }
    }
  }
  return found;
}

/** The nearest ancestor (or the element itself) that is an `li` or has one of the class fragments. */
export function closestCard(el: Element, fragments: readonly string[], maxDepth = 6): Element | undefined {
  let cur: Element | null = el;
  for (let d = 0; cur && d <= maxDepth; d++, cur = cur.parentElement) {
    const cls = cur.getAttribute('class') ?? '';
    if (cur.localName === 'li' || fragments.some((f) => cls.includes(f))) return cur;
  }
  return undefined;
}
