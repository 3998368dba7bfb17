import Papa from 'papaparse';
import { AUTHORIZED_LIST_FORMAT, AUTHORIZED_LIST_VERSION, PRODUCT_FIELDS, SELLER_FIELDS, type AuthorizedList } from '@/utils/model/authorized-list';
import { escapeFormula } from '@/utils/authorized/formula';

// The list in force written back out in the forms the import reads: canonical JSON, or the
// CSV pair (UTF-8 with BOM so Excel on Chinese Windows opens it right; formula cells escaped).

export function listToJson(list: AuthorizedList): string {
  const out = {
    format: AUTHORIZED_LIST_FORMAT,
    formatVersion: AUTHORIZED_LIST_VERSION,
    brand: list.brand,
    updatedAt: list.updatedAt,
    sellers: list.sellers.map((s) => ({
      platform: s.platform,
      shopId: s.shopId,
      shopName: s.shopName,
      sellerId: s.sellerId,
      ...(s.validFrom ? { validFrom: s.validFrom } : {}),
      ...(s.validTo ? { validTo: s.validTo } : {}),
    })),
    products: list.products.map((p) => ({
      code: p.code,
      name: p.name,
      keywords: p.keywords,
      excludeKeywords: p.excludeKeywords,
      itemIds: p.itemIds,
      minPrice: p.minPrice,
      ...(p.guidePrice ? { guidePrice: p.guidePrice } : {}),
    })),
  };
  return JSON.stringify(out, null, 1);
}

function csv(fields: readonly string[], rows: string[][]): string {
  return '\ufeff' + Papa.unparse({ fields: [...fields], data: rows.map((r) => r.map(escapeFormula)) }, { newline: '\r\n' }) + '\r\n';
}

export function listToCsv(list: AuthorizedList): { sellers: string; products: string } {
  return {
    sellers: csv(
      SELLER_FIELDS,
      list.sellers.map((s) => [s.platform, s.shopId, s.shopName, s.sellerId, s.validFrom ?? '', s.validTo ?? '']),
    ),
    products: csv(
      PRODUCT_FIELDS,
      list.products.map((p) => [p.code, p.name, p.keywords.join('|'), p.excludeKeywords.join('|'), p.itemIds.join('|'), p.minPrice, p.guidePrice ?? '']),
    ),
  };
}
