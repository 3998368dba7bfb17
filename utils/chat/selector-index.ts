// Selector tests per row are slow where selector matching is (jsdom takes about a millisecond
// each). A reader runs each selector once over the whole list and answers from sets instead.

export class SelectorIndex {
  private readonly matched = new Map<string, Set<Element>>();
  /** per selector: each ancestor of a match (up to the root) → the first match below it */
  private readonly firstBelow = new Map<string, Map<Element, Element>>();

  constructor(root: Element, selectors: Readonly<Record<string, string | undefined>>) {
    for (const [key, selector] of Object.entries(selectors)) {
      if (!selector) continue;
      const set = new Set<Element>();
      const first = new Map<Element, Element>();
      let found: Iterable<Element>;
      try {
        found = root.querySelectorAll(selector);
      } catch {
        continue;
      }
      for (const el of found) {
        set.add(el);
        for (let e = el.parentElement; e; e = e === root ? null : e.parentElement) if (!first.has(e)) first.set(e, el);
      }
      if (root.matches(selector)) set.add(root);
      this.matched.set(key, set);
      this.firstBelow.set(key, first);
    }
  }

  /** a selector was given for this key */
  has(key: string): boolean {
    return this.matched.has(key);
  }

  /** the element itself matches */
  is(key: string, el: Element): boolean {
    return this.matched.get(key)?.has(el) ?? false;
  }

  /** the element matches or holds a match */
  marks(key: string, el: Element): boolean {
    return this.is(key, el) || (this.firstBelow.get(key)?.has(el) ?? false);
  }

  /** the first match inside the element, as querySelector would give */
  first(key: string, el: Element): Element | null {
    return this.firstBelow.get(key)?.get(el) ?? null;
  }
}
