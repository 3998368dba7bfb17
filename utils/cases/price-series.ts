import type { CaptureRecord } from '@/utils/model/capture';

// What the case view's price chart plots: per listing (item id) the lowest price of each capture,
// and the minimum price each capture's verdict applied (the authorized list in force then), per
// product, as steps over time.

export interface PricePoint {
  t: number;
  price: number;
  captureId: string;
}

export interface PriceSeries {
  itemId: string;
  points: PricePoint[];
}

export interface MinPriceStep {
  /** the product code the list matched, '' when the verdict named none */
  productCode: string;
  points: { t: number; price: number }[];
}

export interface PriceChartData {
  series: PriceSeries[];
  minPrices: MinPriceStep[];
}

const yuan = (s: string | undefined): number | undefined => {
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

export function priceChartData(captures: readonly CaptureRecord[]): PriceChartData {
  const listings = captures.filter((c) => c.kind === 'listing').sort((a, b) => Date.parse(a.capturedAt) - Date.parse(b.capturedAt));
  const byItem = new Map<string, PricePoint[]>();
  const byProduct = new Map<string, { t: number; price: number }[]>();
  for (const c of listings) {
    const t = Date.parse(c.capturedAt);
    if (!Number.isFinite(t)) continue;
    const price = yuan(c.price.lowest);
    if (price !== undefined) byItem.set(c.itemId, [...(byItem.get(c.itemId) ?? []), { t, price, captureId: c.id }]);
    const min = yuan(c.verdict.minPrice);
    if (min !== undefined) {
      const code = c.verdict.productCode ?? '';
      const steps = byProduct.get(code) ?? [];
      // a step only where the minimum changed
      if (steps.at(-1)?.price !== min) steps.push({ t, price: min });
      byProduct.set(code, steps);
    }
  }
  return {
    series: [...byItem].map(([itemId, points]) => ({ itemId, points })),
    minPrices: [...byProduct].map(([productCode, points]) => ({ productCode, points })),
  };
}
