import {
  AUTHORIZED_LIST_FORMAT,
  AUTHORIZED_LIST_VERSION,
  type AuthorizedList,
  type AuthorizedProduct,
  type AuthorizedSeller,
  type ImportProblem,
} from '@/utils/model/authorized-list';

/** What a file import gives the caller: a validated list (or half of one) or every problem found. */
export type ImportOutcome = { ok: true; list: AuthorizedList; replaces: 'all' | 'sellers' | 'products' } | { ok: false; problems: ImportProblem[] };

export function rejected(problems: ImportProblem[]): ImportOutcome {
  return { ok: false, problems };
}

export function makeList(parts: { brand?: string; updatedAt?: string; sellers?: AuthorizedSeller[]; products?: AuthorizedProduct[] }): AuthorizedList {
  return {
    format: AUTHORIZED_LIST_FORMAT,
    formatVersion: AUTHORIZED_LIST_VERSION,
    brand: parts.brand ?? '',
    updatedAt: parts.updatedAt ?? new Date().toISOString(),
    sellers: parts.sellers ?? [],
    products: parts.products ?? [],
  };
}
