import { fullSizeImages } from '@/utils/marketplaces/alibaba/images';
import { cleanTitle, skuRange, type PartialListing } from '@/utils/marketplaces/alibaba/partial-listing';
import { findObject } from '@/utils/marketplaces/alibaba/scripts';
import { cleanName } from '@/utils/marketplaces/decode';
import { asArray, asObject, get, str, type StateObject } from '@/utils/marketplaces/embedded-state';
import { fenValue, rangeOf, yuanToFen } from '@/utils/marketplaces/price';
import type { Sku } from '@/utils/model/listing';

// Tmall PC item pages 2018–2020: `TShop.Setup({...})` (valid JSON) holds itemDO, rstShopId
// (= shop id) and per-SKU list prices; a small `w.g_config = {itemId, sellerId, shopId}` in the
// head backs up the ids. The promo price arrived later (mdskip) and is read from the DOM.

export function readTShop(scripts: string[]): StateObject | undefined {
  return findObject(scripts, 'TShop.Setup', /TShop\.Setup\(\s*/, (v) => 'itemDO' in v || 'valItemInfo' in v);
}

function readHeadConfig(scripts: string[]): StateObject | undefined {
  return findObject(scripts, 'g_config', /\bg_config\s*=\s*/, (v) => 'itemId' in v);
}

/** `Apple/&#33529;&#26524;`: numeric entities left in the 2018 state. */
function decodeEntities(text: string | undefined): string | undefined {
  return text?.replace(/&#(\d{2,6});/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

function tshopSkus(tshop: StateObject): Sku[] {
  const info = get(tshop, 'valItemInfo');
  const names = new Map<string, string>();
  for (const entry of asArray(get(info, 'skuList'))) {
    const id = str(get(entry, 'skuId'));
    const name = cleanName(str(get(entry, 'names')));
    if (id && name) names.set(id, name);
  }
  const skus: Sku[] = [];
  for (const entry of Object.values(asObject(get(info, 'skuMap')) ?? {})) {
    const id = str(get(entry, 'skuId'));
    if (!id) continue;
    const price = fenValue(get(entry, 'priceCent')) ?? yuanToFen(str(get(entry, 'price')));
    const stock = get(entry, 'stock');
    const name = names.get(id);
    skus.push({
      id,
      ...(name ? { name } : {}),
      ...(price !== undefined ? { priceFen: price } : {}),
      ...(typeof stock === 'number' && Number.isInteger(stock) ? { stock } : {}),
    });
  }
  return skus;
}

/** Listing fields of TShop.Setup (+ head g_config ids); the shop is named by the seller nick. */
export function tshopListing(tshop: StateObject, scripts: string[]): PartialListing {
  const item = get(tshop, 'itemDO');
  const head = readHeadConfig(scripts);
  const skus = tshopSkus(tshop);
  const list = skuRange(skus, 'priceFen') ?? rangeOf([yuanToFen(str(get(item, 'reservePrice')))]);
  const brand = cleanName(decodeEntities(str(get(item, 'brand'))));
  return {
    itemId: str(get(item, 'itemId')) ?? str(get(head, 'itemId')),
    title: cleanTitle(str(get(item, 'title'))),
    shopId: str(get(tshop, 'rstShopId')) ?? str(get(head, 'shopId')),
    sellerId: str(get(item, 'userId')) ?? str(get(head, 'sellerId')),
    sellerNick: cleanName(str(get(item, 'sellerNickName')) ?? str(get(head, 'sellerNickName'))),
    prices: list ? { list } : {},
    skus,
    images: fullSizeImages(asArray(get(tshop, 'propertyPics', 'default')).map((v) => str(v))),
    ...(brand ? { brand } : {}),
  };
}
