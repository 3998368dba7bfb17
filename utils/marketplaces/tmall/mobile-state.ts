import { fullSizeImages } from '@/utils/marketplaces/alibaba/images';
import { cleanTitle, skuRange, type PartialListing } from '@/utils/marketplaces/alibaba/partial-listing';
import { findObject } from '@/utils/marketplaces/alibaba/scripts';
import { absoluteUrl, cleanName } from '@/utils/marketplaces/decode';
import { asArray, get, str, type StateObject, type StateValue } from '@/utils/marketplaces/embedded-state';
import { priceFen, priceKind, propNames } from '@/utils/marketplaces/alibaba/ice-app-context';
import { parseYuanRange } from '@/utils/marketplaces/price';
import type { ListingPrices, Sku } from '@/utils/model/listing';

// detail.m.tmall.com 2019: `var _DATA_Detail = {...}` (seller, item, skuBase and, under `mock`,
// the list price per SKU) and `var _DATA_Mdskip = {...}` (the live price and stock per SKU;
// when it shows a struck-through price, its own price is a promotion).

export function readMobileState(scripts: string[]): { detail: StateObject; mdskip?: StateObject } | undefined {
  const detail = findObject(scripts, '_DATA_Detail', /_DATA_Detail\s*=\s*/);
  if (!detail) return undefined;
  const mdskip = findObject(scripts, '_DATA_Mdskip', /_DATA_Mdskip\s*=\s*/);
  return { detail, ...(mdskip ? { mdskip } : {}) };
}

function struckPrice(mdskip: StateValue): string | undefined {
  const struck = asArray(get(mdskip, 'price', 'extraPrices')).find((p) => get(p, 'lineThrough') === true);
  return str(get(struck, 'priceText'));
}

export function mobileListing(detail: StateObject, mdskip: StateObject | undefined): PartialListing {
  const seller = get(detail, 'seller');
  const item = get(detail, 'item');
  const listInfo = get(detail, 'mock', 'skuCore', 'sku2info');
  const liveInfo = get(mdskip, 'skuCore', 'sku2info');
  const struck = struckPrice(mdskip);
  const liveTitle = str(get(mdskip, 'price', 'price', 'priceTitle'));
  // A live price shown next to a struck-through one is a promotion (or a coupon when it says 券).
  const liveKind = struck ? (priceKind(liveTitle) === 'coupon' ? 'coupon' : 'promo') : priceKind(liveTitle);
  const names = propNames(get(detail, 'skuBase'));
  const skus: Sku[] = [];
  for (const entry of asArray(get(detail, 'skuBase', 'skus'))) {
    const id = str(get(entry, 'skuId'));
    if (!id) continue;
    const name = (str(get(entry, 'propPath')) ?? '')
      .split(';')
      .map((pv) => names.get(pv))
      .filter(Boolean)
      .join(' ');
    const list = priceFen(get(listInfo, id, 'price'));
    const live = priceFen(get(liveInfo, id, 'price'));
    const quantity = get(liveInfo, id, 'quantity');
    const sku: Sku = { id, ...(name ? { name } : {}) };
    if (liveKind === 'list') {
      const p = live ?? list;
      if (p !== undefined) sku.priceFen = p;
    } else {
      if (list !== undefined) sku.priceFen = list;
      if (live !== undefined) sku[liveKind === 'coupon' ? 'couponFen' : 'promoFen'] = live;
    }
    if (typeof quantity === 'number' && Number.isInteger(quantity)) sku.stock = quantity;
    skus.push(sku);
  }
  const prices: ListingPrices = {};
  const list = skuRange(skus, 'priceFen') ?? parseYuanRange(struck) ?? parseYuanRange(str(get(detail, 'mock', 'price', 'price', 'priceText')));
  if (list) prices.list = list;
  const live = skuRange(skus, liveKind === 'coupon' ? 'couponFen' : 'promoFen') ?? parseYuanRange(str(get(mdskip, 'price', 'price', 'priceText')));
  if (live && liveKind !== 'list') prices[liveKind] = live;
  return {
    itemId: str(get(item, 'itemId')),
    title: cleanTitle(str(get(item, 'title'))),
    shopName: cleanName(str(get(seller, 'shopName'))),
    shopId: str(get(seller, 'shopId')),
    sellerId: str(get(seller, 'userId')),
    sellerNick: cleanName(str(get(seller, 'sellerNick'))),
    shopUrl: absoluteUrl(str(get(seller, 'shopUrl'))),
    prices,
    skus,
    images: fullSizeImages(asArray(get(item, 'images')).map((v) => str(v))),
  };
}
