import { fullSizeImages } from '@/utils/marketplaces/alibaba/images';
import { cleanTitle, skuRange, type PartialListing } from '@/utils/marketplaces/alibaba/partial-listing';
import { findObject } from '@/utils/marketplaces/alibaba/scripts';
import { cleanName, absoluteUrl } from '@/utils/marketplaces/decode';
import { asArray, asObject, get, str, type StateObject, type StateValue } from '@/utils/marketplaces/embedded-state';
import { fenValue, rangeOf, yuanToFen } from '@/utils/marketplaces/price';
import type { FenRange, ListingPrices, Sku } from '@/utils/model/listing';

// Current (2023–2025) Taobao and Tmall item pages put everything in one object inside
// `!(function () {var a = window.__ICE_APP_CONTEXT__ || {};var b = {...};...})()`.
// The name appears twice in that script, so we parse the object after `var b = `.

export interface IceState {
  /** loaderData.home.data.res: seller, item, skuBase, skuCore, componentsVO */
  res: StateObject | undefined;
  needLogin: boolean;
}

const NEEDLE = '__ICE_APP_CONTEXT__';
const MARKER = /var\s+b\s*=\s*/;

function truthy(value: StateValue): boolean {
  return value === true || value === 'true' || value === 1;
}

export function readIceState(scripts: string[]): IceState | undefined {
  const root = findObject(scripts, NEEDLE, MARKER, (v) => 'loaderData' in v || 'appData' in v);
  if (!root) return undefined;
  const data = get(root, 'loaderData', 'home', 'data');
  const res = asObject(get(data, 'res'));
  const needLogin = truthy(get(root, 'needLogin')) || truthy(get(data, 'needLogin')) || truthy(get(res, 'needLogin'));
  return { res, needLogin };
}

type PriceKind = 'list' | 'promo' | 'coupon';

/** The page labels each figure: 券后 is a coupon price, 优惠前/原价 the list price, others a promotion. */
export function priceKind(title: string | undefined): PriceKind {
  if (!title) return 'list';
  if (/券/.test(title)) return 'coupon';
  if (/优惠前|原价|价格|专柜|划线|吊牌/.test(title)) return 'list';
  return 'promo';
}

export function priceFen(price: StateValue): number | undefined {
  return fenValue(get(price, 'priceMoney')) ?? yuanToFen(str(get(price, 'priceText')));
}

interface SkuPrices {
  list?: number;
  promo?: number;
  coupon?: number;
}

function skuPrices(info: StateValue): SkuPrices {
  const out: SkuPrices = {};
  const main = get(info, 'price');
  const mainFen = priceFen(main);
  if (mainFen !== undefined) out[priceKind(str(get(main, 'priceTitle')))] = mainFen;
  const sub = get(info, 'subPrice');
  const subFen = priceFen(sub);
  if (subFen !== undefined) {
    const kind = priceKind(str(get(sub, 'priceTitle')));
    out[kind === 'list' ? 'coupon' : kind] = subFen;
  }
  return out;
}

/** "pid:vid" -> value name, from skuBase.props. */
export function propNames(skuBase: StateValue): Map<string, string> {
  const names = new Map<string, string>();
  for (const prop of asArray(get(skuBase, 'props'))) {
    const pid = str(get(prop, 'pid'));
    for (const value of asArray(get(prop, 'values'))) {
      const vid = str(get(value, 'vid'));
      const name = cleanName(str(get(value, 'name')));
      if (pid && vid && name) names.set(`${pid}:${vid}`, name);
    }
  }
  return names;
}

/** SKUs of skuBase.skus priced from sku2info (shared with the 2019 mobile Tmall state). */
export function readSkus(skuBase: StateValue, sku2info: StateValue): Sku[] {
  const names = propNames(skuBase);
  const skus: Sku[] = [];
  for (const entry of asArray(get(skuBase, 'skus'))) {
    const id = str(get(entry, 'skuId'));
    if (!id) continue;
    const info = get(sku2info, id);
    const p = skuPrices(info);
    const name = (str(get(entry, 'propPath')) ?? '')
      .split(';')
      .map((pv) => names.get(pv))
      .filter(Boolean)
      .join(' ');
    const quantity = get(info, 'quantity');
    skus.push({
      id,
      ...(name ? { name } : {}),
      ...(p.list !== undefined ? { priceFen: p.list } : {}),
      ...(p.promo !== undefined ? { promoFen: p.promo } : {}),
      ...(p.coupon !== undefined ? { couponFen: p.coupon } : {}),
      ...(typeof quantity === 'number' && Number.isInteger(quantity) ? { stock: quantity } : {}),
    });
  }
  return skus;
}

function union(a: FenRange | undefined, b: FenRange | undefined): FenRange | undefined {
  return rangeOf([a?.min, a?.max, b?.min, b?.max]);
}

/** Page-level ranges: over SKUs where they are priced, else the summary entry "0"; plus priceVO. */
export function readPrices(skus: Sku[], sku2info: StateValue, priceVO: StateValue): ListingPrices {
  const summary = skuPrices(get(sku2info, '0'));
  const fromSkus: Record<PriceKind, FenRange | undefined> = {
    list: skuRange(skus, 'priceFen') ?? rangeOf([summary.list]),
    promo: skuRange(skus, 'promoFen') ?? rangeOf([summary.promo]),
    coupon: skuRange(skus, 'couponFen') ?? rangeOf([summary.coupon]),
  };
  for (const key of ['price', 'extraPrice'] as const) {
    const p = get(priceVO, key);
    const fen = priceFen(p);
    if (fen === undefined) continue;
    const kind = key === 'extraPrice' ? 'list' : priceKind(str(get(p, 'priceTitle')));
    fromSkus[kind] = union(fromSkus[kind], { min: fen, max: fen });
  }
  const out: ListingPrices = {};
  for (const kind of ['list', 'promo', 'coupon'] as const) {
    const range = fromSkus[kind];
    if (range) out[kind] = range;
  }
  return out;
}

function salesText(item: StateValue): string | undefined {
  const vague = get(item, 'vagueSellCount') ?? get(item, 'sellCount');
  if (typeof vague === 'number') return `已售 ${vague}`;
  return cleanName(str(vague));
}

/** The listing fields the ICE state holds. */
export function iceListing(res: StateObject | undefined): PartialListing {
  if (!res) return {};
  const seller = get(res, 'seller');
  const item = get(res, 'item');
  const sku2info = get(res, 'skuCore', 'sku2info');
  const skus = readSkus(get(res, 'skuBase'), sku2info);
  const prices = readPrices(skus, sku2info, get(res, 'componentsVO', 'priceVO'));
  const images = fullSizeImages(asArray(get(item, 'images')).map((v) => str(v)));
  const shopUrl = absoluteUrl(str(get(seller, 'pcShopUrl')) ?? str(get(seller, 'shopUrl')));
  return {
    itemId: str(get(item, 'itemId')),
    title: cleanTitle(str(get(item, 'title'))),
    shopName: cleanName(str(get(seller, 'shopName'))),
    // some builds name the shop id only in the shop URL (//shop<shopId>.taobao.com)
    shopId: str(get(seller, 'shopId')) ?? /\/\/shop(\d{3,20})\.taobao\.com/.exec(shopUrl ?? '')?.[1],
    sellerId: str(get(seller, 'sellerId')) ?? str(get(seller, 'userId')),
    sellerNick: cleanName(str(get(seller, 'sellerNick'))),
    ...(shopUrl ? { shopUrl } : {}),
    prices,
    skus,
    images,
    salesText: salesText(item),
  };
}
