import { PRODUCT_FIELDS, SELLER_FIELDS, type ListHalf } from '@/utils/model/authorized-list';
import { problem, type ProblemList } from '@/utils/authorized/problems';

// CSV files and XLSX sheets are both tables whose first row names the fields. This module finds
// which half a header belongs to, checks the required columns and turns rows into field records.
// Rows are numbered as a spreadsheet shows them: the header is row 1.

export type Cell = string | number | null | undefined;

const FIELDS: Record<ListHalf, readonly string[]> = { sellers: SELLER_FIELDS, products: PRODUCT_FIELDS };

/** Header cell -> canonical field name (matched without case or surrounding space), or undefined. */
function headerField(cell: Cell, half: ListHalf): string | undefined {
  const name = String(cell ?? '')
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase();
  return FIELDS[half].find((f) => f.toLowerCase() === name);
}

/** Which half a header row describes: the one with more of its field names; undefined for neither. */
export function classifyHeader(header: readonly Cell[]): ListHalf | undefined {
  const score = (half: ListHalf) => header.filter((c) => headerField(c, half) !== undefined).length;
  const sellers = score('sellers');
  const products = score('products');
  if (sellers === 0 && products === 0) return undefined;
  return sellers >= products ? 'sellers' : 'products';
}

/** Required columns: at least one of each group. */
const REQUIRED: Record<ListHalf, string[][]> = {
  sellers: [['platform'], ['shopId', 'sellerId', 'shopName']],
  products: [['code'], ['minPrice'], ['keywords', 'itemIds']],
};

export interface TableRows {
  rows: Record<string, Cell>[];
  rowNumbers: number[];
}

function isBlank(record: readonly Cell[]): boolean {
  return record.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
}

/**
 * Reads a table of `half` into field records; undefined (with problems added) when a required
 * column is missing. `cellValue` lets a format adjust cells (CSV undoes formula escaping).
 */
export function readTable(
  table: readonly (readonly Cell[])[],
  half: ListHalf,
  problems: ProblemList,
  cellValue: (cell: Cell) => Cell = (c) => c,
): TableRows | undefined {
  const header = table[0] ?? [];
  const columns = header.map((c) => headerField(c, half));
  const present = new Set(columns.filter((c): c is string => c !== undefined));
  let complete = true;
  for (const group of REQUIRED[half]) {
    if (group.some((f) => present.has(f))) continue;
    complete = false;
    problems.add(problem('missing-column', { row: 1, field: group[group.length - 1]!, sheet: half }, { column: group.join(' / ') }));
  }
  if (!complete) return undefined;
  const rows: Record<string, Cell>[] = [];
  const rowNumbers: number[] = [];
  for (let r = 1; r < table.length; r++) {
    const record = table[r]!;
    if (isBlank(record)) continue; // blank lines (and the final newline) are not rows
    const obj: Record<string, Cell> = {};
    for (let c = 0; c < columns.length; c++) {
      const field = columns[c];
      if (field !== undefined) obj[field] = cellValue(record[c] ?? '');
    }
    rows.push(obj);
    rowNumbers.push(r + 1);
  }
  return { rows, rowNumbers };
}
