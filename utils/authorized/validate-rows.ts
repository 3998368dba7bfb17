import type { z } from 'zod';
import {
  PROBLEM_CODES,
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

function sellerKeys(s: AuthorizedSeller): { key: string; field: string; label: string }[] {
  const keys = [];
  if (s.shopId) keys.push({ key: `${s.platform}\u0001s\u0001${s.shopId}`, field: 'shopId', label: `${s.platform} shopId ${s.shopId}` });
  if (s.sellerId) keys.push({ key: `${s.platform}\u0001u\u0001${s.sellerId}`, field: 'sellerId', label: `${s.platform} sellerId ${s.sellerId}` });
  if (!s.shopId && !s.sellerId) {
    keys.push({ key: `${s.platform}\u0001n\u0001${normalise(s.shopName)}`, field: 'shopName', label: `${s.platform} shopName ${s.shopName}` });
  }
  return keys;
}

export function validateSellers(rows: readonly unknown[], rowNumber: RowNumber, problems: ProblemList): AuthorizedSeller[] {
  const out: AuthorizedSeller[] = [];
  const firstRow = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const row = rowNumber(i);
    const parsed = sellerInputSchema.safeParse(rows[i]);
    if (!parsed.success) {
      reportIssues(parsed.error, rows[i], row, 'sellers', problems);
      continue;
    }
    const s = parsed.data;
    const seller: AuthorizedSeller = { platform: s.platform, shopId: s.shopId, shopName: s.shopName, sellerId: s.sellerId };
    if (s.validFrom) seller.validFrom = s.validFrom;
    if (s.validTo) seller.validTo = s.validTo;
    let duplicate = false;
    for (const k of sellerKeys(seller)) {
      const first = firstRow.get(k.key);
      if (first === undefined) firstRow.set(k.key, row);
      else if (!duplicate) {
        duplicate = true;
        problems.add(problem('duplicate-seller', { row, field: k.field, sheet: 'sellers' }, { key: k.label, firstRow: first }));
      }
    }
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
