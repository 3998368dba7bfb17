// Cheap DOM lookups for large pages. Selectors made of simple parts (`#id`, `tag`, `.class`,
// `[attr]`, joined by spaces as descendant steps) are answered with getElementById /
// getElementsByClassName / getElementsByTagName, which DOMs keep indexed; anything else goes to
// querySelectorAll unchanged. In jsdom a selector-engine call costs ~0.2 ms per search context,
// which made a 30-card search page take tens of milliseconds.

const COMPOUND = /^(?:#([\w-]+)|([a-zA-Z][a-zA-Z0-9]*)?((?:\.[\w-]+)*)((?:\[[\w-]+\])*))$/;

interface Step {
  id?: string;
  tag?: string;
  classes: string[];
  attrs: string[];
}

const parsed = new Map<string, Step[] | undefined>();

function parse(selector: string): Step[] | undefined {
  if (parsed.has(selector)) return parsed.get(selector);
  const steps = parseUncached(selector);
  parsed.set(selector, steps);
  return steps;
}

function parseUncached(selector: string): Step[] | undefined {
  const steps: Step[] = [];
  for (const part of selector.trim().split(/\s+/)) {
    const m = COMPOUND.exec(part);
    if (!m || (!m[1] && !m[2] && !m[3] && !m[4])) return undefined;
    steps.push({
      ...(m[1] ? { id: m[1] } : {}),
      ...(m[2] ? { tag: m[2].toLowerCase() } : {}),
      classes: (m[3] ?? '').split('.').filter(Boolean),
      attrs: (m[4] ?? '')
        .replace(/^\[|\]$/g, '')
        .split('][')
        .filter(Boolean),
    });
  }
  return steps;
}

function fits(el: Element, step: Step): boolean {
  return (!step.tag || el.localName === step.tag) && step.classes.every((c) => el.classList.contains(c)) && step.attrs.every((a) => el.hasAttribute(a));
}

function descendants(root: Document | Element, step: Step): Element[] {
  const out: Element[] = [];
  if (step.id) {
    const el = 'getElementById' in root ? root.getElementById(step.id) : root.querySelector(`#${step.id}`);
    if (el && (root === el.ownerDocument || root.contains(el))) out.push(el);
    return out;
  }
  const list = step.classes[0] ? root.getElementsByClassName(step.classes[0]) : root.getElementsByTagName(step.tag ?? '*');
  // length once, then index access: in jsdom every named property read on a collection
  // (`.length`, `.item`) first scans it for an element of that id or name
  const n = list.length;
  for (let i = 0; i < n; i++) {
    const el = list[i];
    if (el && fits(el, step)) out.push(el);
  }
  return out;
}

function queryOne(root: Document | Element, selector: string): Element[] {
  const steps = parse(selector);
  if (!steps) return Array.from(root.querySelectorAll(selector));
  let current: (Document | Element)[] = [root];
  for (const step of steps) {
    const next: Element[] = [];
    for (const ctx of current) for (const el of descendants(ctx, step)) if (!next.includes(el)) next.push(el);
    current = next;
  }
  return current as Element[];
}

/** Elements matching any of `selectors` (each may be a comma list), ranked by the selectors' order. */
export function candidates(root: Document | Element, selectors: readonly string[]): Element[] {
  const ranked: Element[] = [];
  for (const list of selectors) {
    for (const sel of list.split(',')) {
      const s = sel.trim();
      if (!s) continue;
      for (const el of queryOne(root, s)) if (!ranked.includes(el)) ranked.push(el);
    }
  }
  return ranked;
}

/** The first non-empty value `read` returns, trying the selectors in order (lazily: most hit early). */
export function firstValue<T>(root: Document | Element, selectors: readonly string[], read: (el: Element) => T | undefined): T | undefined {
  for (const list of selectors) {
    for (const sel of list.split(',')) {
      const s = sel.trim();
      if (!s) continue;
      for (const el of queryOne(root, s)) {
        const v = read(el);
        if (v !== undefined) return v;
      }
    }
  }
  return undefined;
}
