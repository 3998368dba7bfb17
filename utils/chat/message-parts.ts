import type { ChatLink } from '@/utils/model/chat';
import { looksLikeChatTime } from '@/utils/chat/parse-chat-time';
import { SelectorIndex } from '@/utils/chat/selector-index';
import { itemIdFromAnyLink } from '@/utils/marketplaces/platforms';

// Reads the parts of one chat row (text, time, name, images, links) from its DOM. Shared by the
// platform readers (which pass selectors) and the generic reader (which relies on heuristics).

export interface PartSelectors {
  time?: string;
  name?: string;
  /** the message body; when absent, the row minus time, name and avatar */
  body?: string;
  avatar?: string;
}

export interface MessageParts {
  text: string;
  timeText: string;
  name: string;
  images: string[];
  links: ChatLink[];
  itemLink?: string;
}

const AVATAR_TOKENS = new Set(['avatar', 'avator', 'portrait', 'head', 'headimg', 'headpic', 'profile', 'photo']);
const EMOJI_TOKENS = new Set(['emoji', 'emoticon', 'face', 'icon', 'expression']);
const NAME_TOKENS = new Set(['name', 'nick', 'nickname', 'username', 'author', 'who', 'sender']);
const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'TR', 'TD', 'TABLE', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'BLOCKQUOTE', 'PRE']);
const SMALL_IMAGE_PX = 40;
/** item parameters on any site; marketplace item links are told by each marketplace's own rules */
const ITEM_PARAM = /[?&](goods_id|itemId|item_id)=\d+|[?&]id=\d{6,}/i;

/** Class names split into lower-case words: `msgItem--right_2` gives msg, item, right. */
export function classTokens(el: Element): string[] {
  const raw = el.getAttribute('class') ?? '';
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s\-_]+/)
    .map((t) => t.replace(/\d+$/, ''))
    .filter((t) => t !== '');
}

export function hasToken(el: Element, tokens: ReadonlySet<string>): boolean {
  return classTokens(el).some((t) => tokens.has(t));
}

/** `marked`: the reader's own avatar test (its selector), checked on the element and two ancestors. */
export function isAvatar(el: Element, marked?: (el: Element) => boolean): boolean {
  for (let e: Element | null = el, depth = 0; e && depth < 3; e = e.parentElement, depth++) {
    if (marked?.(e) || hasToken(e, AVATAR_TOKENS)) return true;
  }
  return /avatar|head_?img|portrait/i.test(el.getAttribute('alt') ?? '');
}

function isEmoji(img: Element): boolean {
  const w = Number(img.getAttribute('width') ?? NaN);
  const h = Number(img.getAttribute('height') ?? NaN);
  return hasToken(img, EMOJI_TOKENS) || (w > 0 && w <= SMALL_IMAGE_PX) || (h > 0 && h <= SMALL_IMAGE_PX);
}

export function isItemUrl(href: string): boolean {
  if (ITEM_PARAM.test(href)) return true;
  // a host without a scheme ("item.jd.com/1.html") is read as https
  return itemIdFromAnyLink(/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href) ? href : `https://${href}`) !== '';
}

/** An absolute http(s) or data:image URL, or undefined for anything else (javascript:, blob:). */
export function resolveUrl(raw: string | null | undefined, base: string): string | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  if (/^data:image\//i.test(s)) return s;
  try {
    const url = new URL(s.startsWith('//') ? `https:${s}` : s, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function imageSource(img: Element): string | null {
  return img.getAttribute('data-src') ?? img.getAttribute('data-original') ?? img.getAttribute('src');
}

/** Text of `root` as lines, skipping excluded elements; emoji images count as their alt text. */
export function collectText(root: Element, exclude: (el: Element) => boolean): string {
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el !== root && exclude(el)) return;
    const tag = el.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return;
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    if (tag === 'IMG') {
      if (isEmoji(el)) out.push(el.getAttribute('alt') ?? '');
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) out.push('\n');
    el.childNodes.forEach(walk);
    if (block) out.push('\n');
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function findName(row: Element, index: SelectorIndex): Element | null {
  if (index.has('name')) return index.first('name', row);
  for (const el of row.querySelectorAll('*')) if (hasToken(el, NAME_TOKENS)) return el;
  return null;
}

/** The first descendant whose whole text is a time (a row's own time label). */
function findTime(row: Element, index: SelectorIndex): Element | null {
  if (index.has('time')) return index.first('time', row);
  for (const el of row.querySelectorAll('*')) {
    if (el.children.length > 0) continue;
    const text = el.textContent?.trim() ?? '';
    if (text !== '' && looksLikeChatTime(text)) return el;
  }
  return null;
}

/** `index`: the reader's selectors run once over the whole list; built for this row when absent. */
export function readParts(row: Element, base: string, selectors: PartSelectors = {}, index = new SelectorIndex(row, { ...selectors })): MessageParts {
  const timeEl = findTime(row, index);
  const nameEl = findName(row, index);
  const body = index.first('body', row) ?? row;
  const marked = (el: Element): boolean => index.is('avatar', el);
  const exclude = (el: Element): boolean => el === timeEl || el === nameEl || isAvatar(el, marked);
  const images: string[] = [];
  for (const img of body.getElementsByTagName('img')) {
    if (isAvatar(img, marked) || isEmoji(img)) continue;
    const url = resolveUrl(imageSource(img), base);
    if (url && !images.includes(url)) images.push(url);
  }
  const links: ChatLink[] = [];
  for (const a of body.querySelectorAll('a[href]')) {
    const href = resolveUrl(a.getAttribute('href'), base);
    if (href && !links.some((l) => l.href === href)) links.push({ href, text: collectText(a, () => false) });
  }
  let text = collectText(body, exclude);
  let timeText = timeEl?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  // A message that is nothing but "周一" is text, not a time label.
  if (!selectors.time && text === '' && images.length === 0) [text, timeText] = [timeText, ''];
  return {
    text,
    timeText,
    name: nameEl?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    images,
    links,
    itemLink: links.find((l) => isItemUrl(l.href))?.href,
  };
}
