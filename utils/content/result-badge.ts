import type { Verdict } from '@/utils/model/capture';
import type { SearchResult } from '@/utils/model/search-result';
import { OWN_UI_ATTRIBUTE } from '@/utils/content/observe-page';

// Badges are plain DOM in the light tree next to each result (contract §1), built with
// createElement/textContent only; React would cost more than it gives for 60 tiny labels.

const LABELS: Record<'zh' | 'en', Record<string, string>> = {
  zh: { authorized: '授权', unauthorized: '未授权', expired: '授权过期', unknown: '未判断', 'below-min': '低于限价' },
  en: { authorized: 'Authorized', unauthorized: 'Not authorized', expired: 'Expired', unknown: 'Not judged', 'below-min': 'Below min.' },
};

const COLORS: Record<string, string> = { authorized: '#1a7f37', unauthorized: '#cf222e', expired: '#bf8700', unknown: '#6e7781' };

export function badgeFor(element: Element): HTMLElement | null {
  return element.querySelector(':scope > [data-testid="result-badge"]');
}

export function placeBadge(result: SearchResult, verdict: Verdict, lang: 'zh' | 'en'): HTMLElement | null {
  const host = result.element;
  if (!host) return null;
  let badge = badgeFor(host) as HTMLElement | null;
  if (!badge) {
    badge = host.ownerDocument.createElement('span');
    badge.setAttribute(OWN_UI_ATTRIBUTE, 'badge');
    badge.dataset.testid = 'result-badge';
    badge.style.cssText =
      'display:inline-block;margin:2px;padding:1px 6px;border-radius:4px;font:12px/1.4 system-ui,sans-serif;color:#fff;position:relative;z-index:2;';
    host.prepend(badge);
  }
  badge.dataset.itemId = result.itemId;
  badge.dataset.platform = result.platform;
  badge.dataset.seller = verdict.seller;
  badge.dataset.price = verdict.price;
  const labels = LABELS[lang];
  const text = [labels[verdict.seller] ?? verdict.seller, verdict.price === 'below-min' ? labels['below-min'] : ''].filter(Boolean).join(' · ');
  badge.textContent = text;
  badge.style.background = verdict.price === 'below-min' && verdict.seller === 'authorized' ? COLORS.expired! : COLORS[verdict.seller] ?? COLORS.unknown!;
  return badge;
}
