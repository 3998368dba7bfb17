import { asArray, asObject, get, parseLiteralAt, str, type StateObject, type StateValue } from '@/utils/marketplaces/embedded-state';
import { absoluteUrl, cleanName } from '@/utils/marketplaces/decode';
import { fenValue, rangeOf, yuanToFen } from '@/utils/marketplaces/price';
import { jsonObjectAt } from '@/utils/marketplaces/pdd/json-at';
import { PDD_STATE } from '@/utils/marketplaces/pdd/selectors';
import type { FenRange, Sku } from '@/utils/model/listing';

// Readers over `window.rawData` (JSON, parsed as a literal by acorn, never evaluated). Field names
// differ between builds (camelCase on H5 pages, snake_case in the app API), so both are accepted.

/** The first parsable object assigned after `marker` in an inline script that contains `needle`. */
export function readAssigned(doc: Document, needle: string, marker: RegExp): StateObject | undefined {
  // length once, then index access (named reads on a jsdom collection scan it first)
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0, n = scripts.length; i < n; i++) {
    const text = scripts[i]?.hasAttribute('src') ? undefined : scripts[i]?.textContent;
    // cheap substring test before any regex or parse
    if (!text || !text.includes(needle)) continue;
    const re = new RegExp(marker.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at = m.index + m[0].length;
      const value = asObject(jsonObjectAt(text, at)) ?? asObject(parseLiteralAt(text, at));
      if (value) return value;
    }
  }
  return undefined;
}

export function readRawData(doc: Document): StateObject | undefined {
  return readAssigned(doc, PDD_STATE.needle, PDD_STATE.marker);
}

/** First present value among alternative field names. */
export function pick(obj: StateObject | undefined, ...keys: string[]): StateValue {
  if (!obj) return undefined;
  for (const k of keys) if (obj[k] !== undefined && obj[k] !== null) return obj[k];
  return undefined;
}

/**
 * PDD price fields: numbers are fen (app API, older H5 builds), strings are yuan (2019 Next.js
 * search `"price": "7.9"`, 2024 goods rawData `"minGroupPrice": "6.8"` shown as 拼单价 6.80).
 * 0 means "not set" (`price: 0`, `market_price: 0`).
 */
export function pddFen(value: StateValue): number | undefined {
  const fen = typeof value === 'string' ? (/^\s*\d+(?:\.\d{1,2})?\s*$/.test(value) ? yuanToFen(value) : undefined) : fenValue(value);
  return fen ? fen : undefined;
}

export interface PddStateFields {
  needLogin: boolean;
  goodsId?: string;
  title?: string;
  mallId?: string;
  mallName?: string;
  group?: FenRange;
  list?: FenRange;
  skus: Sku[];
  images: string[];
  salesText?: string;
}

function readSku(entry: StateValue): Sku | undefined {
  const sku = asObject(entry);
  const id = str(pick(sku, 'skuId', 'skuID', 'sku_id'));
  if (!sku || !id) return undefined;
  const name = asArray(sku.specs)
    .map((s) => cleanName(str(pick(asObject(s), 'spec_value', 'specValue'))))
    .filter((v): v is string => !!v)
    .join(' / ');
  const priceFen = pddFen(pick(sku, 'normalPrice', 'normal_price'));
  const groupFen = pddFen(pick(sku, 'groupPrice', 'group_price'));
  const quantity = pick(sku, 'quantity');
  const onSale = pick(sku, 'isOnSale', 'is_onsale');
  // an SKU taken off sale cannot be bought, whatever its quantity says
  const stock = onSale === 0 || onSale === false ? 0 : typeof quantity === 'number' && Number.isInteger(quantity) ? quantity : undefined;
  return {
    id,
    ...(name ? { name } : {}),
    ...(priceFen !== undefined ? { priceFen } : {}),
    ...(groupFen !== undefined ? { groupFen } : {}),
    ...(stock !== undefined ? { stock } : {}),
  };
}

/** topGallery [{url}] or ['url']; the 2017 API's gallery mixes main (type 1) and detail (type 2) images. */
function readImages(goods: StateObject): string[] {
  let entries = asArray(pick(goods, 'topGallery', 'top_gallery'));
  if (!entries.length) {
    const gallery = asArray(goods.gallery);
    const main = gallery.filter((g) => get(g, 'type') === 1);
    entries = main.length ? main : gallery;
  }
  const out: string[] = [];
  for (const e of entries) {
    const url = absoluteUrl(typeof e === 'string' ? e : str(get(e, 'url')), 'https://mobile.yangkeduo.com/');
    if (url && !out.includes(url)) out.push(url.replace(/^http:/, 'https:'));
  }
  return out;
}

function rangeFrom(goods: StateObject, minKeys: string[], maxKeys: string[]): FenRange | undefined {
  return rangeOf([pddFen(pick(goods, ...minKeys)), pddFen(pick(goods, ...maxKeys))]);
}

export function readPddGoodsState(raw: StateObject): PddStateFields {
  const init = asObject(get(raw, 'store', 'initDataObj')) ?? asObject(raw.initDataObj);
  const goods = asObject(init?.goods);
  const mall = asObject(init?.mall);
  const needLogin = init?.needLogin === true;
  if (!goods) return { needLogin, skus: [], images: [] };

  const skus = asArray(pick(goods, 'skus', 'sku'))
    .map(readSku)
    .filter((s): s is Sku => !!s);
  const buyable = skus.filter((s) => s.stock !== 0);
  const group =
    rangeOf(buyable.map((s) => s.groupFen)) ??
    rangeFrom(
      goods,
      ['minOnSaleGroupPrice', 'minGroupPrice', 'min_on_sale_group_price', 'min_group_price'],
      ['maxOnSaleGroupPrice', 'maxGroupPrice', 'max_on_sale_group_price', 'max_group_price'],
    );
  const list =
    rangeOf(buyable.map((s) => s.priceFen)) ??
    rangeFrom(
      goods,
      ['minOnSaleNormalPrice', 'minNormalPrice', 'min_on_sale_normal_price', 'min_normal_price'],
      ['maxOnSaleNormalPrice', 'maxNormalPrice', 'max_on_sale_normal_price', 'max_normal_price'],
    );
  const salesText = cleanName(str(pick(goods, 'sideSalesTip', 'salesTip', 'sales_tip')));
  return {
    needLogin,
    goodsId: str(pick(goods, 'goodsID', 'goodsId', 'goods_id')),
    title: cleanName(str(pick(goods, 'goodsName', 'goods_name'))),
    mallId: str(pick(mall, 'mallID', 'mallId', 'mall_id')) ?? str(pick(goods, 'mallID', 'mallId', 'mall_id')),
    mallName: cleanName(str(pick(mall, 'mallName', 'mall_name'))) ?? cleanName(str(pick(goods, 'mallName', 'mall_name'))),
    ...(group ? { group } : {}),
    ...(list ? { list } : {}),
    skus,
    images: readImages(goods),
    ...(salesText ? { salesText } : {}),
  };
}
