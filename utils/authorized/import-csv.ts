import Papa from 'papaparse';
import type { ListHalf } from '@/utils/model/authorized-list';
import { unescapeFormula } from '@/utils/authorized/formula';
import { problem, ProblemList } from '@/utils/authorized/problems';
import { classifyHeader, readTable, type Cell } from '@/utils/authorized/table';
import type { ListHalves } from '@/utils/authorized/halves';
import { validateProducts, validateSellers } from '@/utils/authorized/validate-rows';

// One CSV file holds one half of the list; its header says which. Cells stay literal text:
// papaparse never evaluates anything, and a quote we put before a formula on export is undone.

function csvCell(cell: Cell): Cell {
  return typeof cell === 'string' ? unescapeFormula(cell) : cell;
}

/** Parses one CSV text into the half it holds, adding its problems; undefined when it cannot. */
export function importCsvText(text: string, file: string | undefined, all: ProblemList): ListHalves | undefined {
  const problems = new ProblemList();
  const halves = readCsv(text, problems);
  all.merge(problems, file);
  return problems.empty ? halves : undefined;
}

function readCsv(text: string, problems: ProblemList): ListHalves | undefined {
  const clean = text.replace(/^\ufeff/, '');
  if (clean.trim() === '') {
    problems.add(problem('empty-file', { row: 0, field: '' }));
    return undefined;
  }
  const parsed = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: false });
  let broken = false;
  for (const e of parsed.errors) {
    if (e.type === 'Delimiter') continue; // a one-column file has no delimiter to detect: comma is right
    broken = true;
    problems.add(problem('unreadable-file', { row: (e.row ?? 0) + 1, field: '' }, { detail: e.message }));
  }
  if (broken) return undefined;
  const half: ListHalf | undefined = classifyHeader(parsed.data[0] ?? []);
  if (!half) {
    problems.add(problem('unknown-csv-header', { row: 1, field: '' }));
    return undefined;
  }
  const table = readTable(parsed.data, half, problems, csvCell);
  if (!table) return undefined;
  const rowNumber = (i: number) => table.rowNumbers[i] ?? i + 2;
  return half === 'sellers' ? { sellers: validateSellers(table.rows, rowNumber, problems) } : { products: validateProducts(table.rows, rowNumber, problems) };
}
