import { fullSizeImages } from '@/utils/marketplaces/alibaba/images';
import { cleanTitle, skuRange, type PartialListing } from '@/utils/marketplaces/alibaba/partial-listing';
import { findObject } from '@/utils/marketplaces/alibaba/scripts';
import { absoluteUrl, cleanName } from '@/utils/marketplaces/decode';
import { asArray, asObject, get, str, type StateObject, type StateValue } from '@/utils/marketplaces/embedded-state';
import { rangeOf, yuanToFen } from '@/utils/marketplaces/price';
import type { Sku } from '@/utils/model/listing';

// Taobao item pages 2019–2022: `var g_config = {...}` (a JS literal with expressions) holds the
// ids, names and images; `Hub.config.set('sku', {...})` holds the list price of every SKU.
// The live/promo price arrived later by XHR and exists only in the rendered DOM.

export function readGConfig(scripts: string[]): StateObject | undefined {
  return findObject(scripts, 'g_config', /\bg_config\s*=\s*/, (v) => 'itemId' in v || 'idata' in v);
}

// The SKU config is a JS literal, but its skuMap and propertyMemoMap are JSON: reading those two
// directly is several times faster than parsing the whole config.
function readSkuParts(scripts: string[]): { skuMap?: StateObject; memo?: StateObject } {
  const sku = scripts.filter((t) => t.includes("Hub.config.set('sku'"));
  const skuMap = findObject(sku, 'skuMap', /\bskuMap\s*:\s*/);
  const memo = findObject(sku, 'propertyMemoMap', /\bpropertyMemoMap\s*:\s*/);
  return { ...(skuMap ? { skuMap } : {}), ...(memo ? { memo } : {}) };
}

/** SKU names: the page's propertyMemoMap plus the rendered option labels, both keyed "pid:vid". */
function skuNames(memo: StateValue, optionNames: Map<string, string>): Map<string, string> {
  const names = new Map(optionNames);
  for (const [pv, name] of Object.entries(asObject(memo) ?? {})) {
    const n = cleanName(str(name));
    if (n) names.set(pv, n);
  }
  return names;
}

export function readSkuMap(scripts: string[], optionNames: Map<string, string>): Sku[] {
  const { skuMap, memo } = readSkuParts(scripts);
  if (!skuMap) return [];
  const names = skuNames(memo, optionNames);
  const skus: Sku[] = [];
  for (const [path, entry] of Object.entries(skuMap)) {
    const id = str(get(entry, 'skuId'));
    if (!id) continue;
    const name = path
      .split(';')
      .filter(Boolean)
      .map((pv) => names.get(pv))
      .filter(Boolean)
      .join(' ');
    const price = yuanToFen(str(get(entry, 'price')));
    const stock = Number(str(get(entry, 'stock')));
    skus.push({
      id,
      ...(name ? { name } : {}),
      ...(price !== undefined ? { priceFen: price } : {}),
      ...(Number.isInteger(stock) && str(get(entry, 'stock')) ? { stock } : {}),
    });
  }
  return skus;
}

/** Listing fields of g_config (+ the SKU config); prices are list prices only. */
export function gConfigListing(g: StateObject, scripts: string[], optionNames: Map<string, string>): PartialListing {
  const item = get(g, 'idata', 'item');
  const skus = readSkuMap(scripts, optionNames);
  const list = skuRange(skus, 'priceFen') ?? rangeOf([yuanToFen(str(get(item, 'price')))]);
  const images = fullSizeImages([...asArray(get(item, 'auctionImages')).map((v) => str(v)), str(get(item, 'pic'))]);
  const shopUrl = absoluteUrl(str(get(g, 'idata', 'shop', 'url')));
  return {
    itemId: str(get(g, 'itemId')) ?? str(get(item, 'id')),
    title: cleanTitle(str(get(item, 'title'))),
    shopName: cleanName(str(get(g, 'shopName'))),
    shopId: str(get(g, 'shopId')) ?? str(get(g, 'idata', 'shop', 'id')),
    sellerId: str(get(g, 'sellerId')) ?? str(get(g, 'idata', 'seller', 'id')),
    sellerNick: cleanName(str(get(g, 'sellerNick')) ?? str(get(item, 'sellerNick'))),
    ...(shopUrl ? { shopUrl } : {}),
    prices: list ? { list } : {},
    skus,
    images,
  };
}
