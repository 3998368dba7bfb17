import type { Verdict } from '@/utils/model/capture';
import type { SearchResult } from '@/utils/model/search-result';
import { markOwnNode } from '@/utils/content/own-nodes';
import type { ResultPicks } from '@/utils/content/result-picks';
import { syncPick } from '@/utils/content/result-pick-box';

// Badges are plain DOM in the light tree next to each result (contract §1), built with
// createElement/textContent only; React would cost more than it gives for 60 tiny labels.

const LABELS: Record<'zh' | 'en', Record<string, string>> = {
  zh: { authorized: '授权', unauthorized: '未授权', expired: '授权过期', unknown: '未判断', 'below-min': '低于限价' },
  en: { authorized: 'Authorized', unauthorized: 'Not authorized', expired: 'Expired', unknown: 'Not judged', 'below-min': 'Below min.' },
};

/** case statuses as a badge says them (the panel's words for the same, shorter) */
const CASE_LABELS: Record<'zh' | 'en', Record<string, string>> = {
  zh: { found: '已立案', warned: '已警告', complained: '已投诉', appealed: '申诉中', removed: '已下架', restored: '已恢复', closed: '已结案' },
  en: { found: 'case open', warned: 'warned', complained: 'complained', appealed: 'appealed', removed: 'removed', restored: 'restored', closed: 'closed' },
};

const COLORS: Record<string, string> = { authorized: '#1a7f37', unauthorized: '#cf222e', expired: '#bf8700', unknown: '#6e7781' };

export function badgeFor(element: Element): HTMLElement | null {
  return element.querySelector(':scope > [data-testid="result-badge"]');
}

const BASE_STYLE =
  'display:inline-block;margin:2px;padding:1px 6px;border-radius:4px;font:12px/1.4 system-ui,sans-serif;color:#fff;position:relative;z-index:2;';

// Re-judging a page re-places every badge: unchanged ones get no DOM writes (no style parse, no
// mutation records for the page's observers).
const colorOf = new WeakMap<HTMLElement, string>();

// Each result's badge, so a re-judged page finds it without a selector query per result.
const badgeOf = new WeakMap<Element, HTMLElement>();
// One styled badge per colour, cloned: a clone copies the parsed style instead of parsing it again.
const templates = new Map<string, HTMLElement>();

/** A new badge is filled in before it enters the page: one insertion per result. */
function newBadge(doc: Document, color: string): HTMLElement {
  let template = templates.get(color);
  if (template?.ownerDocument !== doc) {
    template = doc.createElement('span');
    template.dataset.testid = 'result-badge';
    template.style.cssText = `${BASE_STYLE}background:${color};`;
    templates.set(color, template);
  }
  const badge = template.cloneNode(false) as HTMLElement;
  markOwnNode(badge);
  colorOf.set(badge, color);
  return badge;
}

/** the shop's case status, only on badges of shops with a case (contract §6.1) */
const CASE_STATUS = 'data-case-status';
const ATTRIBUTES = { itemId: 'data-item-id', platform: 'data-platform', seller: 'data-seller', price: 'data-price' } as const;

function setIfChanged(badge: HTMLElement, key: keyof typeof ATTRIBUTES, value: string): void {
  if (badge.getAttribute(ATTRIBUTES[key]) !== value) badge.setAttribute(ATTRIBUTES[key], value);
}

/** The label is the badge's first child, a text node: the tick box after it must survive a relabel. */
function setLabel(badge: HTMLElement, text: string): void {
  const first = badge.firstChild;
  if (first?.nodeType === 3) {
    if ((first as Text).data !== text) (first as Text).data = text;
  } else badge.prepend(badge.ownerDocument.createTextNode(text));
}

/** `picks`: given for flagged results only, which then get a tick box (clean ones lose theirs). */
export function placeBadge(result: SearchResult, verdict: Verdict, lang: 'zh' | 'en', picks?: ResultPicks): HTMLElement | null {
  const host = result.element;
  if (!host) return null;
  const color = verdict.price === 'below-min' && verdict.seller === 'authorized' ? COLORS.expired! : (COLORS[verdict.seller] ?? COLORS.unknown!);
  const labels = LABELS[lang];
  const base =
    verdict.price === 'below-min' ? `${labels[verdict.seller] ?? verdict.seller} · ${labels['below-min']}` : (labels[verdict.seller] ?? verdict.seller);
  const text = verdict.caseStatus ? `${base} · ${CASE_LABELS[lang][verdict.caseStatus] ?? verdict.caseStatus}` : base;
  const known = badgeOf.get(host);
  const existing = known?.parentElement === host ? known : (badgeFor(host) as HTMLElement | null);
  if (!existing) {
    // A new badge: every attribute written once, before it enters the page (one insertion).
    const badge = newBadge(host.ownerDocument, color);
    badge.setAttribute(ATTRIBUTES.itemId, result.itemId);
    badge.setAttribute(ATTRIBUTES.platform, result.platform);
    badge.setAttribute(ATTRIBUTES.seller, verdict.seller);
    badge.setAttribute(ATTRIBUTES.price, verdict.price);
    if (verdict.caseStatus) badge.setAttribute(CASE_STATUS, verdict.caseStatus);
    badge.textContent = text;
    syncPick(badge, result, lang, picks);
    badgeOf.set(host, badge);
    host.prepend(badge);
    return badge;
  }
  badgeOf.set(host, existing);
  setIfChanged(existing, 'itemId', result.itemId);
  setIfChanged(existing, 'platform', result.platform);
  setIfChanged(existing, 'seller', verdict.seller);
  setIfChanged(existing, 'price', verdict.price);
  if (!verdict.caseStatus) existing.removeAttribute(CASE_STATUS);
  else if (existing.getAttribute(CASE_STATUS) !== verdict.caseStatus) existing.setAttribute(CASE_STATUS, verdict.caseStatus);
  setLabel(existing, text);
  syncPick(existing, result, lang, picks);
  if (colorOf.get(existing) !== color) {
    existing.style.cssText = `${BASE_STYLE}background:${color};`;
    colorOf.set(existing, color);
  }
  return existing;
}
