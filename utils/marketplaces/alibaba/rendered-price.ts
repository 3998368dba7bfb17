import { parseYuanRange, rangeOf } from '@/utils/marketplaces/price';
import type { FenRange, ListingPrices } from '@/utils/model/listing';

// Current Taobao/Tmall pages render prices with hashed CSS-module classes (`priceText--x1y2`):
// we match the stable prefix and read the label (券后, 优惠前) from the price's own wrapper.

/** Hidden by the page (`tb-hidden`, `display:none`): a stale template, not a shown price. */
export function isHidden(el: Element | null): boolean {
  for (let cur = el, depth = 0; cur && depth < 4; cur = cur.parentElement, depth++) {
    if (cur.classList.contains('tb-hidden') || cur.getAttribute('style')?.replace(/\s/g, '').includes('display:none')) return true;
  }
  return false;
}

/** A rendered range like "149.00 - 159.00" from the first visible element with digits. */
export function renderedRange(doc: Document, selector: string): FenRange | undefined {
  for (const el of Array.from(doc.querySelectorAll(selector))) {
    if (isHidden(el)) continue;
    const range = parseYuanRange(el.textContent);
    if (range) return range;
  }
  return undefined;
}

/**
 * The kind a rendered price's own wrapper names: 券后 -> coupon, 到手/活动/促销 -> promo, else the
 * list price. Only the wrapper is read: a wider box would pull in the title and other prices.
 */
function labelKind(el: Element): keyof ListingPrices {
  const text = el.parentElement?.textContent ?? '';
  if (text.length > 60) return 'list';
  if (/券/.test(text)) return 'coupon';
  if (/到手|活动|促销|秒杀|折后|优惠价|限时/.test(text)) return 'promo';
  return 'list';
}

function add(out: ListingPrices, kind: keyof ListingPrices, range: FenRange): void {
  const cur = out[kind];
  out[kind] = cur ? (rangeOf([cur.min, cur.max, range.min, range.max]) as FenRange) : range;
}

/**
 * Prices shown in the current-era main price block: the first few `priceText--` elements and
 * any `couponPrice` element, each classed by its label. Recommendation cards further down the
 * page use the same classes, so only the first block is read.
 */
export function hashedClassPrices(doc: Document, scope: string, priceSel: string, couponSel: string): ListingPrices {
  const out: ListingPrices = {};
  const root = doc.querySelector(scope) ?? doc;
  const priceEls = Array.from(root.querySelectorAll(priceSel)).slice(0, 3);
  for (const el of priceEls) {
    const range = parseYuanRange(el.textContent);
    if (range) add(out, labelKind(el), range);
  }
  for (const el of Array.from(root.querySelectorAll(couponSel)).slice(0, 2)) {
    if (priceEls.some((p) => p.contains(el) || el.contains(p))) continue;
    const range = parseYuanRange(el.textContent);
    if (range) add(out, 'coupon', range);
  }
  return out;
}
