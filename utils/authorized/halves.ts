import type { AuthorizedProduct, AuthorizedSeller } from '@/utils/model/authorized-list';
import { problem, type ProblemList } from '@/utils/authorized/problems';
import type { ImportOutcome } from '@/utils/authorized/import-result';
import { makeList } from '@/utils/authorized/import-result';

/** What one CSV file or XLSX workbook gave: either half, or both. */
export interface ListHalves {
  sellers?: AuthorizedSeller[];
  products?: AuthorizedProduct[];
}

/** Puts halves from several files together; a half given twice is a problem. */
export function combineHalves(parts: readonly ListHalves[], problems: ProblemList): ImportOutcome {
  let sellers: AuthorizedSeller[] | undefined;
  let products: AuthorizedProduct[] | undefined;
  for (const part of parts) {
    if (part.sellers) {
      if (sellers) problems.add(problem('duplicate-half', { row: 0, field: '' }, { half: 'sellers' }));
      sellers = part.sellers;
    }
    if (part.products) {
      if (products) problems.add(problem('duplicate-half', { row: 0, field: '' }, { half: 'products' }));
      products = part.products;
    }
  }
  if (!problems.empty) return { ok: false, problems: problems.result() };
  if (!sellers && !products) return { ok: false, problems: [problem('empty-file', { row: 0, field: '' })] };
  const replaces = sellers && products ? 'all' : sellers ? 'sellers' : 'products';
  return { ok: true, list: makeList({ sellers, products }), replaces };
}
