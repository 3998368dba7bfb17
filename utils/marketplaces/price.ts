import type { FenRange, Listing } from '@/utils/model/listing';

// Prices cross this module as integer fen; the yuan strings the pages show are parsed here only.

/** "199", "199.5", "¥199.00", "1,299.00" -> fen; undefined when it is not a price. */
export function yuanToFen(text: string | number | undefined | null): number | undefined {
  if (text === undefined || text === null) return undefined;
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? Math.round(text * 100) : undefined;
  const m = /(\d[\d,]*)(?:\.(\d{1,2}))?/.exec(text.replace(/\s+/g, ''));
  if (!m || m[1] === undefined) return undefined;
  const whole = Number(m[1].replace(/,/g, ''));
  const frac = Number(((m[2] ?? '') + '00').slice(0, 2));
  return Number.isSafeInteger(whole) ? whole * 100 + frac : undefined;
}

/** A fen amount given as a number or numeric string (e.g. ICE `priceMoney: "19900"`). */
export function fenValue(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** "149.00 - 159.00", "¥149.00-159.00", "149.00" -> a range. */
export function parseYuanRange(text: string | undefined | null): FenRange | undefined {
  if (!text) return undefined;
  const parts = text.match(/\d[\d,]*(?:\.\d{1,2})?/g);
  if (!parts) return undefined;
  const values = parts.map((p) => yuanToFen(p)).filter((v): v is number => v !== undefined);
  return rangeOf(values);
}

export function rangeOf(values: (number | undefined)[]): FenRange | undefined {
  const nums = values.filter((v): v is number => typeof v === 'number');
  return nums.length ? { min: Math.min(...nums), max: Math.max(...nums) } : undefined;
}

/** 19900 -> "199.00" (the contract's price format). */
export function formatFen(fen: number | undefined): string {
  if (fen === undefined) return '';
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/**
 * The lowest price at which any buyer can buy one unit now (contract §1): the lowest of list,
 * promo, coupon and group prices over all SKUs; member-only and out-of-stock SKUs do not count.
 */
export function lowestPriceFen(listing: Pick<Listing, 'prices' | 'skus'>): number | undefined {
  const candidates: number[] = [];
  const buyable = listing.skus.filter((s) => !s.memberOnly && s.stock !== 0);
  for (const s of buyable) {
    for (const v of [s.priceFen, s.promoFen, s.couponFen, s.groupFen]) if (v !== undefined) candidates.push(v);
  }
  const { list, promo, coupon, group } = listing.prices;
  // Page-level figures count unless every SKU with a price is excluded (then they may be stale).
  const allExcluded = listing.skus.length > 0 && buyable.length === 0;
  if (!allExcluded) for (const r of [list, promo, coupon, group]) if (r) candidates.push(r.min);
  return candidates.length ? Math.min(...candidates) : undefined;
}
