import type { Platform } from '@/utils/model/listing';

// The one URL form each platform's complaint portal and our link files use for a listing
// (contract §6.4): tracking parameters, SKU selections and mobile hosts all reduce to it.

const CANONICAL: Record<Platform, (itemId: string) => string> = {
  taobao: (id) => `https://item.taobao.com/item.htm?id=${id}`,
  tmall: (id) => `https://detail.tmall.com/item.htm?id=${id}`,
  jd: (id) => `https://item.jd.com/${id}.html`,
  pdd: (id) => `https://mobile.yangkeduo.com/goods.html?goods_id=${id}`,
};

/** The canonical listing URL; throws on an item id that is not a platform id (digits only). */
export function canonicalItemUrl(platform: Platform, itemId: string): string {
  if (!/^\d{1,20}$/.test(itemId)) throw new Error(`not a ${platform} item id: ${JSON.stringify(itemId)}`);
  return CANONICAL[platform](itemId);
}
