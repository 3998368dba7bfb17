import type { Platform } from '@/utils/model/listing';
import type { CaseRecord } from '@/utils/model/capture';
import { statusOf, type CaseStatus } from '@/utils/model/case-status';
import { normaliseName } from '@/utils/evidence/shop-key';

// Which shops have a case, and its status, for the panel and the search badges (contract §6.1
// `data-case-status`): by shop id where the page gives one, otherwise by normalised shop name.

/** `platform|id|<shop id>` and `platform|name|<normalised name>` → status */
export type CaseStatusMap = Record<string, CaseStatus>;

export function caseStatusMap(
  cases: readonly Pick<CaseRecord, 'platform' | 'shopKey' | 'shopName' | 'status'>[],
  platforms?: readonly Platform[],
): CaseStatusMap {
  const map: CaseStatusMap = {};
  for (const c of cases) {
    if (platforms && !platforms.includes(c.platform)) continue;
    const status = statusOf(c);
    // shopKey is the shop id when the pages gave one, else the normalised name: file it under both
    map[`${c.platform}|id|${c.shopKey}`] = status;
    if (c.shopName) map[`${c.platform}|name|${normaliseName(c.shopName)}`] = status;
  }
  return map;
}

export function caseStatusOf(map: CaseStatusMap | undefined, shop: { platform: Platform; shopId?: string; shopName?: string }): CaseStatus | undefined {
  if (!map) return undefined;
  const id = shop.shopId?.trim();
  if (id) return map[`${shop.platform}|id|${id}`];
  const name = shop.shopName ? normaliseName(shop.shopName) : '';
  return name ? map[`${shop.platform}|name|${name}`] : undefined;
}
