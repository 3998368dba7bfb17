import type { DomFieldReaders, PageEra } from '@/utils/marketplaces/alibaba/dom-fields';
import { CURRENT_ITEM_SELECTORS } from '@/utils/marketplaces/alibaba/current-selectors';
import { fullSizeImages } from '@/utils/marketplaces/alibaba/images';
import { cleanTitle } from '@/utils/marketplaces/alibaba/partial-listing';
import { hashedClassPrices, renderedRange } from '@/utils/marketplaces/alibaba/rendered-price';
import { absoluteUrl, attrOf, cleanName, textOf } from '@/utils/marketplaces/decode';
import type { ListingPrices } from '@/utils/model/listing';

// Every selector the Taobao item adapter uses, in one place: a layout change is a one-place diff.
// The current era's block is shared with the other Alibaba adapter (alibaba/current-selectors.ts).
export const TAOBAO_ITEM_SELECTORS = {
  legacy: {
    titleAttr: 'h3.tb-main-title[data-title]',
    title: ['h3.tb-main-title'],
    shopNameAttr: ['#J_ShopInfo .tb-shop-name a[title]', '.tb-shop-name a[title]'],
    shopName: ['.tb-shop-name a'],
    shopLink: ['.tb-shop-name a[href]'],
    sellerNick: ['a.tb-seller-name'],
    listPrice: '#J_StrPrice .tb-rmb-num',
    promoPrice: '#J_PromoPrice .tb-rmb-num',
    thumbs: ['#J_UlThumb img'],
    skuOptions: '#J_isku li[data-value]',
    sales: ['#J_SellCounter'],
  },
  current: CURRENT_ITEM_SELECTORS,
} as const;

const L = TAOBAO_ITEM_SELECTORS.legacy;
const C = TAOBAO_ITEM_SELECTORS.current;

/** Rendered option labels keyed "pid:vid" (names SKUs the page state leaves unnamed). */
export function optionNames(doc: Document): Map<string, string> {
  const names = new Map<string, string>();
  for (const li of Array.from(doc.querySelectorAll(L.skuOptions))) {
    const pv = li.getAttribute('data-value');
    const name = cleanName(li.querySelector('span')?.textContent ?? li.getAttribute('title'));
    if (pv && name) names.set(pv, name);
  }
  return names;
}

/** Titles are read without URL-decoding ("100%棉" stays as shown). */
export function firstTitle(doc: Document, selectors: readonly string[]): string | undefined {
  for (const sel of selectors) {
    const t = cleanTitle(doc.querySelector(sel)?.textContent);
    if (t) return t;
  }
  return undefined;
}

function prices(doc: Document, era: PageEra): ListingPrices | undefined {
  const out: ListingPrices = {};
  const list = renderedRange(doc, L.listPrice);
  const promo = renderedRange(doc, L.promoPrice);
  if (list) out.list = list;
  if (promo) out.promo = promo;
  if (list || promo || era === 'legacy') return out;
  return hashedClassPrices(doc, C.priceScope, C.price, C.coupon);
}

function images(doc: Document, era: PageEra): string[] {
  for (const sel of era === 'legacy' ? L.thumbs : [...L.thumbs, ...C.thumbs]) {
    const srcs = Array.from(doc.querySelectorAll(sel)).map((img) => img.getAttribute('data-src') || img.getAttribute('src'));
    const full = fullSizeImages(srcs);
    if (full.length) return full;
  }
  return [];
}

const pick = <T extends readonly string[]>(era: PageEra, legacy: T, current: readonly string[]) => (era === 'legacy' ? legacy : [...legacy, ...current]);

/** Field readers over the rendered Taobao item page. */
export const TAOBAO_DOM_READERS: DomFieldReaders = {
  title: (doc, era) => cleanTitle(doc.querySelector(L.titleAttr)?.getAttribute('data-title')) ?? firstTitle(doc, pick(era, L.title, C.title)),
  shopName: (doc, era) => attrOf(doc, 'title', ...L.shopNameAttr) ?? textOf(doc, ...pick(era, L.shopName, C.shopName)),
  sellerNick: (doc) => textOf(doc, ...L.sellerNick),
  shopUrl: (doc, era) => absoluteUrl(attrOf(doc, 'href', ...pick(era, L.shopLink, C.shopLink))),
  prices,
  images,
  salesText: (doc, era) => {
    // "927" alone says nothing: read the counter with its label ("927 交易成功").
    const counter = doc.querySelector(L.sales[0]);
    const text = counter ? cleanName(counter.parentElement?.textContent) : textOf(doc, ...(era === 'legacy' ? [] : C.sales));
    return text && /\d/.test(text) ? text : undefined;
  },
};
