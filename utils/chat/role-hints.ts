import { classTokens, isAvatar } from '@/utils/chat/message-parts';

// Which side of the conversation a row sits on. In a browser the layout decides (a bubble's
// centre relative to the list); jsdom has no layout, and some pages hide it, so class names,
// inline/computed styles and the avatar's position are cheaper hints in that order.

export type Side = 'right' | 'left' | 'center';

export interface Box {
  left: number;
  right: number;
  width: number;
  height: number;
}

export type AvatarTest = (el: Element) => boolean;

/** Measures an element; return undefined (or zero width) where there is no layout. */
export type Measure = (el: Element) => Box | undefined;
export type GetStyle = (
  el: Element,
) => Pick<CSSStyleDeclaration, 'textAlign' | 'flexDirection' | 'justifyContent' | 'cssFloat' | 'marginLeft' | 'alignSelf'> | undefined;

export const RIGHT_TOKENS = new Set(['right', 'self', 'mine', 'me', 'my', 'buyer', 'send', 'sent', 'own', 'outgoing', 'customer', 'reverse']);
export const LEFT_TOKENS = new Set([
  'left',
  'other',
  'others',
  'seller',
  'receive',
  'received',
  'service',
  'kefu',
  'cs',
  'waiter',
  'mall',
  'shop',
  'incoming',
  'staff',
]);
export const CENTER_TOKENS = new Set(['system', 'sys', 'notice', 'tip', 'tips', 'center', 'centre', 'divider', 'recall', 'hint', 'notify', 'notification']);

export const defaultMeasure: Measure = (el) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 ? { left: r.left, right: r.right, width: r.width, height: r.height } : undefined;
};

export const defaultGetStyle: GetStyle = (el) => {
  const view = el.ownerDocument.defaultView;
  return view ? view.getComputedStyle(el) : undefined;
};

/** Side from class words on the row, then on its descendants (breadth first, a few levels). */
export function sideFromClasses(row: Element, maxDepth = 3): Side | undefined {
  let level: Element[] = [row];
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
    for (const el of level) {
      const tokens = classTokens(el);
      if (tokens.some((t) => CENTER_TOKENS.has(t))) return 'center';
      const right = tokens.some((t) => RIGHT_TOKENS.has(t));
      const left = tokens.some((t) => LEFT_TOKENS.has(t));
      if (right !== left) return right ? 'right' : 'left';
    }
    level = level.flatMap((el) => Array.from(el.children));
  }
  return undefined;
}

/** Side from styles: row-reverse, right alignment, auto left margin, float. */
export function sideFromStyle(row: Element, getStyle: GetStyle = defaultGetStyle, maxDepth = 2): Side | undefined {
  let level: Element[] = [row];
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
    for (const el of level) {
      const s = getStyle(el);
      if (!s) continue;
      if (s.flexDirection === 'row-reverse' || s.cssFloat === 'right' || s.marginLeft === 'auto') return 'right';
      if (s.justifyContent === 'flex-end' || s.justifyContent === 'end' || s.alignSelf === 'flex-end') return 'right';
      if (s.textAlign === 'right') return 'right';
      if (s.textAlign === 'center' || s.justifyContent === 'center') return 'center';
    }
    level = level.flatMap((el) => Array.from(el.children));
  }
  return undefined;
}

/** An avatar that comes after the bubble in source order sits on the right. */
export function sideFromAvatar(row: Element, marked?: AvatarTest): Side | undefined {
  const all = Array.from(row.querySelectorAll('*'));
  const avatarIndex = all.findIndex((el) => isAvatar(el, marked));
  if (avatarIndex < 0) return undefined;
  const textIndex = all.findIndex((el, i) => i !== avatarIndex && !isAvatar(el, marked) && el.children.length === 0 && (el.textContent?.trim() ?? '') !== '');
  if (textIndex < 0) return undefined;
  return avatarIndex > textIndex ? 'right' : 'left';
}

export function hasAvatar(row: Element, marked?: AvatarTest): boolean {
  return Array.from(row.querySelectorAll('*')).some((el) => isAvatar(el, marked));
}

/**
 * Side from layout: an avatar sits at the edge of its side; without one, the content's gaps to
 * the list's edges tell (equal gaps: a centred notice).
 */
export function sideFromLayout(row: Element, container: Element, measure: Measure = defaultMeasure): Side | undefined {
  const list = measure(container);
  if (!list || list.width <= 0) return undefined;
  let left = Infinity;
  let right = -Infinity;
  for (const el of row.querySelectorAll('*')) {
    const box = measure(el);
    if (!box || box.width <= 0) continue;
    if (isAvatar(el) && box.width < list.width * 0.25) return (box.left + box.right) / 2 - list.left > list.width / 2 ? 'right' : 'left';
    const content = (el.children.length === 0 && (el.textContent?.trim() ?? '') !== '') || el.tagName === 'IMG';
    if (!content || isAvatar(el)) continue;
    left = Math.min(left, box.left);
    right = Math.max(right, box.right);
  }
  if (!Number.isFinite(left)) return undefined;
  const leftGap = left - list.left;
  const rightGap = list.right - right;
  if (Math.abs(leftGap - rightGap) <= list.width * 0.1) return 'center';
  return leftGap > rightGap ? 'right' : 'left';
}

export interface SideOptions {
  container: Element;
  measure?: Measure;
  getStyle?: GetStyle;
  /** the reader's own avatar test, beside the class-name one */
  avatar?: AvatarTest;
}

/** Layout first (real browsers), then the cheap hints. */
export function detectSide(row: Element, options: SideOptions): Side | undefined {
  return (
    sideFromLayout(row, options.container, options.measure) ??
    sideFromClasses(row) ??
    sideFromStyle(row, options.getStyle) ??
    sideFromAvatar(row, options.avatar)
  );
}
