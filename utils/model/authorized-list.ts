import { z } from 'zod';
import { formatFen } from '@/utils/marketplaces/price';
import { platformSchema } from '@/utils/model/listing';
import { platformFromName } from '@/utils/marketplaces/platforms';

// The authorized list a brand publishes (contract §4). Input schemas accept what files carry
// (numbers for ids and prices, `|`-joined lists) and turn it into the canonical form; their error
// messages are problem codes (see PROBLEM_CODES) so every importer reports problems the same way.

export const AUTHORIZED_LIST_FORMAT = 'listingproof-authorized-list';
export const AUTHORIZED_LIST_VERSION = 1;

export const SELLER_FIELDS = ['platform', 'shopId', 'shopName', 'sellerId', 'validFrom', 'validTo'] as const;
export const PRODUCT_FIELDS = ['code', 'name', 'keywords', 'excludeKeywords', 'itemIds', 'minPrice', 'guidePrice'] as const;
export type SellerField = (typeof SELLER_FIELDS)[number];
export type ProductField = (typeof PRODUCT_FIELDS)[number];
export type ListHalf = 'sellers' | 'products';

export const PROBLEM_CODES = [
  'missing-column',
  'missing-field',
  'not-text',
  'bad-price',
  'unknown-platform',
  'bad-date',
  'date-order',
  'needs-seller-key',
  'needs-product-rule',
  'bad-id',
  'duplicate-seller',
  'duplicate-product',
  'empty-file',
  'invalid-json',
  'wrong-format',
  'unsupported-version',
  'unknown-file-type',
  'unknown-csv-header',
  'duplicate-half',
  'mixed-files',
  'missing-sheet',
  'unreadable-file',
  'too-many-problems',
  'no-files',
  'insecure-url',
  'too-large',
  'http-status',
  'insecure-redirect',
  'too-many-redirects',
  'hidden-redirect',
  'too-many-rows',
  'xlsx-part-too-large',
  // a signed list (brand key pinned): the detached signature `<list>.sig`
  'signature-missing',
  'signature-malformed',
  'signature-other-key',
  'signature-invalid',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const importProblemSchema = z.object({
  /** CSV/XLSX: the spreadsheet row (header = 1); JSON: the 0-based array index; 0 for file-level problems */
  row: z.number().int().nonnegative(),
  field: z.string(),
  code: z.enum(PROBLEM_CODES),
  /** English text; utils/authorized/problem-text.ts renders it in the reader's language */
  message: z.string(),
  sheet: z.enum(['sellers', 'products']).optional(),
  file: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

/** Real calendar date check: 2026-02-30 is not a date. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** YYYY-MM-DD; also YYYY/M/D as spreadsheets save it in zh-CN, normalised. Empty -> undefined. */
export const dateInput = z
  .union([z.string(), z.number()], { error: 'bad-date' })
  .transform((v, ctx) => {
    const s = String(v).trim();
    if (s === '') return undefined;
    const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
    if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      ctx.addIssue({ code: 'custom', message: 'bad-date', params: { value: s } });
      return z.NEVER;
    }
    return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  })
  .optional();

/** A decimal amount of yuan (string or number) -> fen; undefined when it is not an amount. */
function yuanFen(v: string | number): number | undefined {
  if (typeof v === 'number') {
    const scaled = v * 100;
    return Number.isFinite(v) && v >= 0 && Math.abs(scaled - Math.round(scaled)) < 1e-6 ? Math.round(scaled) : undefined;
  }
  const m = /^(\d{1,10})(?:\.(\d{1,2})0*)?$/.exec(
    v
      .trim()
      .replace(/^[¥￥]/, '')
      .replace(/,(?=\d{3}\b)/g, ''),
  );
  return m ? Number(m[1]) * 100 + Number(((m[2] ?? '') + '00').slice(0, 2)) : undefined;
}

export interface Price {
  yuan: string;
  fen: number;
}

const priceOrEmpty = z.union([z.string(), z.number()], { error: 'bad-price' }).transform((v, ctx): Price | undefined => {
  if (typeof v === 'string' && v.trim() === '') return undefined;
  const fen = yuanFen(v);
  if (fen === undefined) {
    ctx.addIssue({ code: 'custom', message: 'bad-price', params: { value: String(v) } });
    return z.NEVER;
  }
  return { yuan: formatFen(fen), fen };
});

/** Required price: "269", "269.5", 269 -> { yuan: "269.00", fen: 26900 }. */
export const priceInput = priceOrEmpty.refine((p) => p !== undefined, { message: 'missing-field' }).transform((p) => p as Price);
export const optionalPriceInput = priceOrEmpty.optional();

/** Ids arrive as text or as number cells; a number past 2^53 has already lost digits. */
export const idInput = z.union([z.string(), z.number()], { error: 'not-text' }).transform((v, ctx) => {
  if (typeof v === 'number' && !Number.isSafeInteger(v)) {
    ctx.addIssue({ code: 'custom', message: 'bad-id', params: { value: String(v) } });
    return z.NEVER;
  }
  return String(v).trim();
});

export const textInput = z.union([z.string(), z.number()], { error: 'not-text' }).transform((v) => String(v).trim());

/** `["a","b"]` or `"a|b"` -> trimmed, non-empty strings. */
export const listInput = z
  .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))], { error: 'not-text' })
  .transform((v) => (Array.isArray(v) ? v.map(String) : String(v).split('|')).map((s) => s.trim()).filter((s) => s !== ''));

export const platformInput = z.unknown().transform((v, ctx) => {
  const s = typeof v === 'string' ? v.trim() : '';
  // ids and the names people write (天猫), as each marketplace lists them
  const p = platformFromName(s);
  if (p) return p;
  ctx.addIssue({ code: 'custom', message: s === '' ? 'missing-field' : 'unknown-platform', params: { value: String(v ?? '') } });
  return z.NEVER;
});

export const sellerInputSchema = z
  .object({
    platform: platformInput,
    shopId: idInput.default(''),
    shopName: textInput.default(''),
    sellerId: idInput.default(''),
    validFrom: dateInput,
    validTo: dateInput,
  })
  .superRefine((s, ctx) => {
    if (!s.shopId && !s.sellerId && !s.shopName) ctx.addIssue({ code: 'custom', message: 'needs-seller-key', path: ['shopId'] });
    if (s.validFrom && s.validTo && s.validFrom > s.validTo) {
      ctx.addIssue({ code: 'custom', message: 'date-order', path: ['validTo'], params: { from: s.validFrom, to: s.validTo } });
    }
  });

export const productInputSchema = z
  .object({
    code: textInput.refine((s) => s !== '', { message: 'missing-field' }),
    name: textInput.default(''),
    keywords: listInput.default([]),
    excludeKeywords: listInput.default([]),
    itemIds: listInput.default([]),
    minPrice: priceInput,
    guidePrice: optionalPriceInput,
  })
  .superRefine((p, ctx) => {
    if (p.keywords.length === 0 && p.itemIds.length === 0) ctx.addIssue({ code: 'custom', message: 'needs-product-rule', path: ['keywords'] });
  })
  .transform((p) => ({
    code: p.code,
    name: p.name,
    keywords: p.keywords,
    excludeKeywords: p.excludeKeywords,
    itemIds: p.itemIds,
    minPrice: p.minPrice.yuan,
    minPriceFen: p.minPrice.fen,
    ...(p.guidePrice ? { guidePrice: p.guidePrice.yuan, guidePriceFen: p.guidePrice.fen } : {}),
  }));

/**
 * A row already in canonical shape (what our own export and most generators write). Checked
 * first because it is ~20x cheaper than the input schema; rows it does not accept, or that fail
 * the checks after it, go through sellerInputSchema, which also explains what is wrong.
 */
export const sellerFastSchema = z.object({
  platform: platformSchema,
  shopId: z.string().optional(),
  shopName: z.string().optional(),
  sellerId: z.string().optional(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
});

/** The canonical, validated forms (what is stored and matched against). */
export const authorizedSellerSchema = z.object({
  platform: platformSchema,
  shopId: z.string(),
  shopName: z.string(),
  sellerId: z.string(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
});
export type AuthorizedSeller = z.infer<typeof authorizedSellerSchema>;

export const authorizedProductSchema = z.object({
  code: z.string().min(1),
  name: z.string(),
  keywords: z.array(z.string()),
  excludeKeywords: z.array(z.string()),
  itemIds: z.array(z.string()),
  minPrice: z.string(),
  minPriceFen: z.number().int().nonnegative(),
  guidePrice: z.string().optional(),
  guidePriceFen: z.number().int().nonnegative().optional(),
});
export type AuthorizedProduct = z.infer<typeof authorizedProductSchema>;

export interface AuthorizedList {
  format: typeof AUTHORIZED_LIST_FORMAT;
  formatVersion: typeof AUTHORIZED_LIST_VERSION;
  brand: string;
  updatedAt: string;
  sellers: AuthorizedSeller[];
  products: AuthorizedProduct[];
}

/** The JSON envelope; rows are checked one by one so each problem names its index. */
export const listEnvelopeSchema = z.object({
  format: z.unknown().refine((v) => v === AUTHORIZED_LIST_FORMAT, { message: 'wrong-format' }),
  formatVersion: z.unknown().refine((v) => v === AUTHORIZED_LIST_VERSION, { message: 'unsupported-version' }),
  brand: textInput.default(''),
  updatedAt: textInput.default('').refine((s) => s === '' || !Number.isNaN(Date.parse(s)), { message: 'bad-date' }),
  sellers: z.array(z.unknown(), { error: (iss) => (iss.input === undefined ? 'missing-field' : 'not-text') }),
  products: z.array(z.unknown(), { error: (iss) => (iss.input === undefined ? 'missing-field' : 'not-text') }),
});
