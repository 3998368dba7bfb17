import type { DomFieldReaders, PageEra } from '@/utils/marketplaces/alibaba/dom-fields';
import { CURRENT_ITEM_SELECTORS } from '@/utils/marketplaces/alibaba/current-selectors';
import { fullSizeImages } from '@/utils/marketplaces/alibaba/images';
import { cleanTitle } from '@/utils/marketplaces/alibaba/partial-listing';
import { hashedClassPrices, renderedRange } from '@/utils/marketplaces/alibaba/rendered-price';
import { absoluteUrl, cleanName } from '@/utils/marketplaces/decode';
import type { ListingPrices } from '@/utils/model/listing';

// Every selector the Tmall item adapter uses, in one place: a layout change is a one-place diff.
// The current era's block is shared with the other Alibaba adapter (alibaba/current-selectors.ts).
export const TMALL_ITEM_SELECTORS = {
  legacy: {
    title: ['.tb-detail-hd h1'],
    shopName: ['a.slogo-shopname strong', '.slogo-shopname'],
    shopNameInput: 'input[name="seller_nickname"]',
    shopLink: ['a.slogo-shopname[href]'],
    listPrice: '#J_StrPriceModBox .tm-price',
    promoPrice: '#J_PromoPrice .tm-price',
    thumbs: ['#J_UlThumb img'],
    canonical: 'link[rel="canonical"]',
    salesScope: 'J_DetailMeta',
    sales: '.tm-ind-sellCount .tm-count',
  },
  current: CURRENT_ITEM_SELECTORS,
} as const;
const L = TMALL_ITEM_SELECTORS.legacy;
const C = TMALL_ITEM_SELECTORS.current;

/** Text that survived a lossy re-save shows U+FFFD; such text is not the page's name. */
const intact = (t: string | undefined) => (t && !t.includes('\uFFFD') ? t : undefined);

const pick = (era: PageEra, legacy: readonly string[], current: readonly string[]) => (era === 'legacy' ? legacy : [...legacy, ...current]);

function firstText(doc: Document, selectors: readonly string[], clean: (t: string | null | undefined) => string | undefined) {
  for (const sel of selectors) {
    const t = intact(clean(doc.querySelector(sel)?.textContent));
    if (t) return t;
  }
  return undefined;
}

function prices(doc: Document, era: PageEra): ListingPrices {
  const out: ListingPrices = {};
  const list = renderedRange(doc, L.listPrice);
  const promo = renderedRange(doc, L.promoPrice);
  if (list) out.list = list;
  if (promo) out.promo = promo;
  if (list || promo || era === 'legacy') return out;
  return hashedClassPrices(doc, C.priceScope, C.price, C.coupon);
}

function images(doc: Document, era: PageEra): string[] {
  for (const sel of pick(era, L.thumbs, C.thumbs)) {
    const full = fullSizeImages(Array.from(doc.querySelectorAll(sel)).map((img) => img.getAttribute('data-src') || img.getAttribute('src')));
    if (full.length) return full;
  }
  return [];
}

/** Field readers over the rendered Tmall item page. */
export const TMALL_DOM_READERS: DomFieldReaders = {
  itemId: (doc) => {
    const href = doc.querySelector(L.canonical)?.getAttribute('href');
    return href ? /[?&]id=(\d{5,20})\b/.exec(href)?.[1] : undefined;
  },
  title: (doc, era) => firstText(doc, pick(era, L.title, C.title), cleanTitle),
  shopName: (doc, era) =>
    firstText(doc, pick(era, L.shopName, C.shopName), cleanName) ?? intact(cleanName(doc.querySelector(L.shopNameInput)?.getAttribute('value'))),
  shopUrl: (doc, era) =>
    absoluteUrl(
      pick(era, L.shopLink, C.shopLink)
        .map((sel) => doc.querySelector(sel)?.getAttribute('href'))
        .find(Boolean) ?? undefined,
    ),
  prices,
  images,
  salesText: (doc, era) => {
    // Scoped by id: a class-only query walks the whole (large) legacy page.
    const meta = doc.getElementById(L.salesScope);
    const sales = intact(cleanName(meta?.querySelector(L.sales)?.textContent)) ?? (era === 'legacy' ? undefined : firstText(doc, C.sales, cleanName));
    return sales && /\d/.test(sales) ? sales : undefined;
  },
};
