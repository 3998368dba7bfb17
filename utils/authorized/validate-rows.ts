import type { z } from 'zod';
import type { Platform } from '@/utils/model/listing';
import {
  isCalendarDate,
  PROBLEM_CODES,
  sellerFastSchema,
  productInputSchema,
  sellerInputSchema,
  type AuthorizedProduct,
  type AuthorizedSeller,
  type ListHalf,
  type ProblemCode,
} from '@/utils/model/authorized-list';
import { normalise } from '@/utils/authorized/normalise';
import { problem, type ProblemList } from '@/utils/authorized/problems';

// One validator for every source: JSON arrays, CSV records and XLSX rows all end up here, so a
// file's problems read the same whatever its format. Only the row numbering differs per source.

/** Maps a row's position in `rows` to the number people see (spreadsheet row or array index). */
export type RowNumber = (index: number) => number;

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function issueParams(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  const raw = 'params' in issue ? issue.params : undefined;
  if (!raw || typeof raw !== 'object') return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

function reportIssues(error: z.ZodError, data: unknown, row: number, sheet: ListHalf, problems: ProblemList): void {
  const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '';
    let code: ProblemCode = (PROBLEM_CODES as readonly string[]).includes(issue.message) ? (issue.message as ProblemCode) : 'not-text';
    const rowLevel = code === 'needs-seller-key' || code === 'needs-product-rule' || code === 'date-order';
    if (!rowLevel && field && isEmpty(record[field])) code = 'missing-field';
    const key = `${field}\u0000${code}`;
    if (seen.has(key)) continue; // a union reports once per branch; one line per field is enough
    seen.add(key);
    problems.add(problem(code, { row, field, sheet }, issueParams(issue)));
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '' -> undefined, a real YYYY-MM-DD -> itself, anything else -> null (needs the full check). */
function fastDay(v: string | undefined): string | undefined | null {
  if (v === undefined || v === '') return undefined;
  const m = DAY.exec(v);
  return m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? v : null;
}

const trimmed = (v: string | undefined) => v === undefined || v === '' || (v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32 && v === v.trim());

/** The canonical-shape fast path; undefined sends the row to the input schema. Exported for the cross-check test. */
export function fastSeller(row: unknown): AuthorizedSeller | undefined {
  const parsed = sellerFastSchema.safeParse(row);
  if (!parsed.success) return undefined;
  // zod's output is a fresh object with only known keys: completed in place, not copied (1M rows)
  const s = parsed.data;
  s.shopId ??= '';
  s.shopName ??= '';
  s.sellerId ??= '';
  if (!trimmed(s.shopId) || !trimmed(s.shopName) || !trimmed(s.sellerId) || (!s.shopId && !s.sellerId && !s.shopName)) return undefined;
  const from = fastDay(s.validFrom);
  const to = fastDay(s.validTo);
  if (from === null || to === null || (from && to && from > to)) return undefined;
  if (!from) delete s.validFrom;
  if (!to) delete s.validTo;
  return s as AuthorizedSeller;
}

/** The input schema's path, which also explains what is wrong. */
export function slowSeller(row: unknown, at: number, problems: ProblemList): AuthorizedSeller | undefined {
  const parsed = sellerInputSchema.safeParse(row);
  if (!parsed.success) {
    reportIssues(parsed.error, row, at, 'sellers', problems);
    return undefined;
  }
  const s = parsed.data;
  const seller: AuthorizedSeller = { platform: s.platform, shopId: s.shopId, shopName: s.shopName, sellerId: s.sellerId };
  if (s.validFrom) seller.validFrom = s.validFrom;
  if (s.validTo) seller.validTo = s.validTo;
  return seller;
}

type KeyKind = 'shopId' | 'sellerId' | 'shopName';

/** First row seen per key, one map per platform and kind (no composite key string per row). */
class SellerKeys {
  private readonly maps = new Map<Platform, Record<KeyKind, Map<string, number>>>();

  /** the first row that had this key, or undefined (and the key is recorded for `row`) */
  claim(platform: Platform, kind: KeyKind, value: string, row: number): number | undefined {
    let maps = this.maps.get(platform);
    if (!maps) this.maps.set(platform, (maps = { shopId: new Map(), sellerId: new Map(), shopName: new Map() }));
    const map = maps[kind];
    const first = map.get(value);
    if (first === undefined) map.set(value, row);
    return first;
  }
}

export function validateSellers(rows: readonly unknown[], rowNumber: RowNumber, problems: ProblemList): AuthorizedSeller[] {
  const out: AuthorizedSeller[] = [];
  const keys = new SellerKeys();
  const check = (seller: AuthorizedSeller, kind: KeyKind, value: string, row: number): boolean => {
    const first = keys.claim(seller.platform, kind, value, row);
    if (first === undefined) return false;
    const label = `${seller.platform} ${kind} ${kind === 'shopName' ? seller.shopName : value}`;
    problems.add(problem('duplicate-seller', { row, field: kind, sheet: 'sellers' }, { key: label, firstRow: first }));
    return true;
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rowNumber(i);
    const seller = fastSeller(rows[i]) ?? slowSeller(rows[i], row, problems);
    if (!seller) continue;
    // one report per row: the first key that repeats
    const dup =
      (seller.shopId !== '' && check(seller, 'shopId', seller.shopId, row)) || (seller.sellerId !== '' && check(seller, 'sellerId', seller.sellerId, row));
    if (!dup && !seller.shopId && !seller.sellerId) check(seller, 'shopName', normalise(seller.shopName), row);
    out.push(seller);
  }
  return out;
}

export function validateProducts(rows: readonly unknown[], rowNumber: RowNumber, problems: ProblemList): AuthorizedProduct[] {
  const out: AuthorizedProduct[] = [];
  const firstRow = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const row = rowNumber(i);
    const parsed = productInputSchema.safeParse(rows[i]);
    if (!parsed.success) {
      reportIssues(parsed.error, rows[i], row, 'products', problems);
      continue;
    }
    const p = parsed.data;
    const first = firstRow.get(p.code);
    if (first === undefined) firstRow.set(p.code, row);
    else problems.add(problem('duplicate-product', { row, field: 'code', sheet: 'products' }, { value: p.code, firstRow: first }));
    out.push(p);
  }
  return out;
}
