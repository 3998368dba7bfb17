// Our own elements in a page (panel host, result badges, the chat picker's overlay) are known by
// reference, never by an attribute: a page can copy any attribute we set onto its own elements,
// and anything we hide, leave out of page.html or skip in the re-render must be ours for certain.
// The registry lives on the content scripts' isolated-world global, which page scripts cannot
// reach, so the listing and chat scripts (separate bundles in the same world) share it.

interface OwnNodeRegistry {
  members: WeakSet<Element>;
  /** for listing them (a WeakSet cannot be iterated); dead and detached ones are dropped on use */
  refs: Set<WeakRef<Element>>;
}

const KEY = Symbol.for('listingproof.own-nodes');
// Badges come and go with infinite scroll: drop collected references now and then.
const PRUNE_EVERY = 2000;
let addedSincePrune = 0;

function registry(): OwnNodeRegistry {
  const holder = globalThis as unknown as Record<symbol, OwnNodeRegistry | undefined>;
  return (holder[KEY] ??= { members: new WeakSet(), refs: new Set() });
}

function prune(reg: OwnNodeRegistry): void {
  for (const ref of reg.refs) if (!ref.deref()) reg.refs.delete(ref);
  addedSincePrune = 0;
}

/** Records `el` (and so everything inside it, shadow root included) as ours. */
export function markOwnNode(el: Element): void {
  const reg = registry();
  if (reg.members.has(el)) return;
  reg.members.add(el);
  reg.refs.add(new WeakRef(el));
  if (++addedSincePrune >= PRUNE_EVERY) prune(reg);
}

/** `node` itself was recorded as ours (no ancestor walk: the cheap check for mutation records). */
export function isOwnNode(node: Node): boolean {
  return registry().members.has(node as Element);
}

/** `node` is ours or inside one of ours, across shadow-root boundaries. */
export function isInsideOwnNode(node: Node | null): boolean {
  const { members } = registry();
  // No instanceof: nodes of another realm (a frame, a parsed document) are checked alike.
  let el: Element | null = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  while (el) {
    if (members.has(el)) return true;
    const up: Element | null = el.parentElement;
    if (up) el = up;
    else {
      const root = el.getRootNode() as Node & { host?: Element };
      el = root.nodeType === 11 && root.host ? root.host : null;
    }
  }
  return false;
}

/** Our elements now in `doc`'s tree, outermost first where one holds another. */
export function ownElementsIn(doc: Document): HTMLElement[] {
  const reg = registry();
  const out: HTMLElement[] = [];
  for (const ref of reg.refs) {
    const el = ref.deref();
    if (!el) {
      reg.refs.delete(ref);
      continue;
    }
    if (el.ownerDocument === doc && el.isConnected && 'style' in el) out.push(el as HTMLElement);
  }
  return out;
}

/** Forgets `el` (tests; an element we removed for good). */
export function forgetOwnNode(el: Element): void {
  const reg = registry();
  reg.members.delete(el);
  for (const ref of reg.refs) if (ref.deref() === el) reg.refs.delete(ref);
}
