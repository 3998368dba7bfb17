import { absoluteUrl, cleanName } from '@/utils/marketplaces/decode';
import { yuanToFen } from '@/utils/marketplaces/price';
import { candidates, firstValue } from '@/utils/marketplaces/jd/dom-query';
import { jdImageUrl } from '@/utils/marketplaces/jd/state-readers';
import { JD_ITEM } from '@/utils/marketplaces/jd/selectors';

// DOM readers for JD item pages: the shop name lives only here, and the price appears here
// once JD's price API (or a server render on current pages) has filled it.

const text = (el: Element) => cleanName(el.textContent);

export interface JdShopDom {
  name?: string;
  url?: string;
}

/** Shop name (a `title` attribute first: it is never truncated) and the link it sits on. */
export function readJdShop(doc: Document): JdShopDom {
  const els = candidates(doc, JD_ITEM.shopName);
  let name: string | undefined;
  for (const el of els) {
    name = cleanName(el.getAttribute('title')) ?? text(el);
    if (name) break;
  }
  let url: string | undefined;
  for (const el of els) {
    const abs = absoluteUrl(el.getAttribute('href') ?? undefined, 'https://item.jd.com/');
    if (abs && /^https:/.test(abs) && !abs.startsWith('https://item.jd.com/')) {
      url = abs;
      break;
    }
  }
  return { ...(name ? { name } : {}), ...(url ? { url } : {}) };
}

/** The shop id from a shop-home link (mall.jd.com/index-SHOPID.html). */
export function readJdShopIdFromLinks(doc: Document): string | undefined {
  return firstValue(doc, [JD_ITEM.shopHomeLink], (a) => JD_ITEM.shopHomeId.exec(a.getAttribute('href') ?? '')?.[1]);
}

/** `.sku-name` holds badge images and the title text; a document title is the last resort. */
export function readJdTitle(doc: Document): string | undefined {
  const fromDom = firstValue(doc, JD_ITEM.title, text);
  if (fromDom) return fromDom;
  return cleanName(doc.title.replace(/【[^】]*】\s*-\s*京东\s*$/, '').replace(/\s*-\s*京东\s*$/, ''));
}

export function readJdSelfOperated(doc: Document): boolean | undefined {
  return firstValue(doc, JD_ITEM.selfOperatedBadge, (el) => (/自营/.test(el.textContent ?? '') ? true : undefined));
}

/** The rendered JD price for this sku (empty until the price API answers) and a 券后/到手 price. */
export function readJdDomPrices(doc: Document, skuId: string | undefined): { listFen?: number; couponFen?: number } {
  const listSelectors: string[] = [];
  if (skuId && /^\d+$/.test(skuId)) listSelectors.push(JD_ITEM.priceForSku.replace('%s', skuId));
  listSelectors.push(...JD_ITEM.price);
  const asFen = (el: Element) => yuanToFen(text(el));
  const listFen = firstValue(doc, listSelectors, asFen);
  const couponFen = firstValue(doc, JD_ITEM.finalPrice, asFen);
  return { ...(listFen !== undefined ? { listFen } : {}), ...(couponFen !== undefined ? { couponFen } : {}) };
}

export function readJdDomImages(doc: Document): string[] {
  const out: string[] = [];
  for (const img of candidates(doc, [JD_ITEM.thumbs])) {
    const path = img.getAttribute('data-url');
    const url = path ? jdImageUrl(path) : absoluteUrl(img.getAttribute('src') ?? undefined, 'https://item.jd.com/');
    if (url && !out.includes(url)) out.push(url);
  }
  return out;
}
