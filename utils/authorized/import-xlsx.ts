import readXlsxFile from 'read-excel-file/universal';
import type { ListHalf } from '@/utils/model/authorized-list';
import type { ListHalves } from '@/utils/authorized/halves';
import { problem, ProblemList } from '@/utils/authorized/problems';
import { readTable, type Cell } from '@/utils/authorized/table';
import { validateProducts, validateSellers } from '@/utils/authorized/validate-rows';
import { IMPORT_LIMITS, type ImportLimits } from '@/utils/authorized/import-limits';
import { checkXlsxSizes } from '@/utils/authorized/xlsx-size-check';

// One workbook with sheets `sellers` and `products` (either alone replaces only its half). The
// universal entry reads a Blob/ArrayBuffer in the browser and in node alike. Formula cells give
// their saved result; nothing is evaluated.

/**
 * A date cell -> YYYY-MM-DD. Excel stores the wall-clock date the sheet shows, which the reader
 * hands over as that date at 00:00 UTC; its UTC calendar day is the date shown, i.e. the China
 * Standard Time day the list means.
 */
export function dateCellText(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** Number cells stay numbers (the schemas render integers without `.0`); dates become text. */
function xlsxCell(cell: unknown): Cell {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return dateCellText(cell);
  if (typeof cell === 'number' || typeof cell === 'string') return cell;
  return String(cell);
}

export async function importXlsx(
  input: Blob | ArrayBuffer | Uint8Array,
  file: string | undefined,
  all: ProblemList,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<ListHalves | undefined> {
  const problems = new ProblemList();
  const halves = await readWorkbook(
    input instanceof Uint8Array ? input : new Uint8Array(input instanceof Blob ? await input.arrayBuffer() : input),
    problems,
    limits,
  );
  all.merge(problems, file);
  return problems.empty ? halves : undefined;
}

async function readWorkbook(input: Uint8Array, problems: ProblemList, limits: ImportLimits): Promise<ListHalves | undefined> {
  if (input.byteLength === 0) {
    problems.add(problem('empty-file', { row: 0, field: '' }));
    return undefined;
  }
  const sizes = await checkXlsxSizes(input, limits);
  if (sizes?.kind === 'part-too-large') {
    problems.add(problem('xlsx-part-too-large', { row: 0, field: '' }, { part: sizes.part, maxBytes: sizes.maxBytes, fileBytes: input.byteLength }));
    return undefined;
  }
  if (sizes?.kind === 'unreadable') {
    problems.add(problem('unreadable-file', { row: 0, field: '' }, { detail: sizes.detail }));
    return undefined;
  }
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = await readXlsxFile(new Blob([input as Uint8Array<ArrayBuffer>]));
  } catch (error) {
    problems.add(problem('unreadable-file', { row: 0, field: '' }, { detail: error instanceof Error ? error.message : String(error) }));
    return undefined;
  }
  const out: ListHalves = {};
  for (const half of ['sellers', 'products'] as const satisfies readonly ListHalf[]) {
    const sheet = sheets.find((s) => s.sheet.trim().toLowerCase() === half);
    if (!sheet) continue;
    if (sheet.data.length > limits.maxRows + 1) {
      problems.add(problem('too-many-rows', { row: 0, field: '', sheet: half }, { rows: sheet.data.length - 1, maxRows: limits.maxRows }));
      continue;
    }
    const table = readTable(
      sheet.data.map((r) => r.map(xlsxCell)),
      half,
      problems,
    );
    if (!table) continue;
    const rowNumber = (i: number) => table.rowNumbers[i] ?? i + 2;
    if (half === 'sellers') out.sellers = validateSellers(table.rows, rowNumber, problems);
    else out.products = validateProducts(table.rows, rowNumber, problems);
  }
  if (!out.sellers && !out.products && problems.empty) problems.add(problem('missing-sheet', { row: 0, field: '' }));
  return out;
}
