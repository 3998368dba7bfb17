import { asArray, asObject, get, parseLiteralAt, str, type StateObject, type StateValue } from '@/utils/marketplaces/embedded-state';
import { cleanName } from '@/utils/marketplaces/decode';
import { yuanToFen } from '@/utils/marketplaces/price';
import { JD_IMAGE_BASE, JD_ITEM } from '@/utils/marketplaces/jd/selectors';
import type { Sku } from '@/utils/model/listing';

// Readers over `var pageConfig = {...}` (a JS literal parsed by acorn, never evaluated).

/** pageConfig.product, or undefined when the page has no parsable pageConfig. */
export function readJdProduct(doc: Document): StateObject | undefined {
  // length once, then index access (named reads on a jsdom collection scan it first)
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0, n = scripts.length; i < n; i++) {
    const text = scripts[i]?.hasAttribute('src') ? undefined : scripts[i]?.textContent;
    // cheap substring test first: most inline scripts are trackers and never hold the state
    if (!text || !text.includes(JD_ITEM.stateNeedle)) continue;
    const re = new RegExp(JD_ITEM.stateMarker.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const product = asObject(get(parseLiteralAt(text, m.index + m[0].length), 'product'));
      if (product) return product;
    }
  }
  return undefined;
}

export interface JdStateFields {
  skuId?: string;
  title?: string;
  venderId?: string;
  shopId?: string;
  images: string[];
  skus: Sku[];
  /** pageConfig.product.isPop: false on self-operated (自营) items */
  selfOperated?: boolean;
  listFen?: number;
  couponFen?: number;
}

/** imageList entries are paths like 'jfs/t1/...jpg'; n0 is the unscaled original. */
export function jdImageUrl(path: string): string | undefined {
  const p = path.trim();
  if (!p) return undefined;
  if (p.startsWith('//')) return `https:${p}`;
  if (/^https?:\/\//.test(p)) return p.replace(/^http:/, 'https:');
  return JD_IMAGE_BASE + p.replace(/^\/+/, '');
}

/** colorSize: [{skuId, 颜色: '红色', 尺码: 'M'}, ...]; every key but skuId is a variant prop. */
function readSkus(colorSize: StateValue): Sku[] {
  const out: Sku[] = [];
  for (const entry of asArray(colorSize)) {
    const obj = asObject(entry);
    const id = str(obj?.skuId ?? obj?.SkuId);
    if (!obj || !id) continue;
    const props = Object.entries(obj)
      .filter(([k, v]) => k !== 'skuId' && k !== 'SkuId' && typeof v === 'string' && v.trim() !== '')
      .map(([, v]) => String(v).trim());
    out.push(props.length ? { id, name: props.join(' / ') } : { id });
  }
  return out;
}

/**
 * Price in state is modelled, not seen on a saved page: some 2023+ pages embed the price API's
 * shape `{p, op}` (and a 券后 `finalPrice.price`) under product.price. `p` is the JD price a buyer pays.
 */
function readStatePrice(product: StateObject): { listFen?: number; couponFen?: number } {
  const price = product.price;
  if (typeof price === 'string' || typeof price === 'number') return { listFen: yuanToFen(str(price)) };
  const obj = asObject(price);
  if (!obj) return {};
  const listFen = yuanToFen(str(obj.p));
  const couponFen = yuanToFen(str(get(obj, 'finalPrice', 'price')));
  return { ...(listFen !== undefined ? { listFen } : {}), ...(couponFen !== undefined ? { couponFen } : {}) };
}

export function readJdState(product: StateObject): JdStateFields {
  const skuId = str(product.skuid ?? product.skuId);
  const images = asArray(product.imageList)
    .map((p) => (typeof p === 'string' ? jdImageUrl(p) : undefined))
    .filter((u): u is string => !!u);
  const src = str(product.src);
  if (!images.length && src) images.push(...[jdImageUrl(src)].filter((u): u is string => !!u));
  const skus = readSkus(product.colorSize);
  // A single-SKU item still has one SKU: itself.
  if (!skus.length && skuId) skus.push({ id: skuId });
  return {
    skuId,
    title: cleanName(str(product.name)),
    venderId: str(product.venderId),
    shopId: str(product.shopId),
    images,
    skus,
    ...(typeof product.isPop === 'boolean' ? { selfOperated: !product.isPop } : {}),
    ...readStatePrice(product),
  };
}
