import { importCsvText } from '@/utils/authorized/import-csv';
import { importJsonText } from '@/utils/authorized/import-json';
import { importXlsx } from '@/utils/authorized/import-xlsx';
import { decodeText } from '@/utils/authorized/decode-text';
import { countLineBreaks, IMPORT_LIMITS, type ImportLimits } from '@/utils/authorized/import-limits';
import { combineHalves, type ListHalves } from '@/utils/authorized/halves';
import { problem, ProblemList } from '@/utils/authorized/problems';
import { rejected, type ImportOutcome } from '@/utils/authorized/import-result';
import type { ImportProblem } from '@/utils/model/authorized-list';

// The one entry the dashboard calls with the files chosen in `authorized-import`: one JSON
// (the whole list), one XLSX (one or both halves), or one or two CSVs told apart by header.

export interface NamedBlob extends Blob {
  readonly name: string;
}

type Kind = 'json' | 'csv' | 'xlsx';

function kindOf(name: string): Kind | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'json' || ext === 'csv' || ext === 'xlsx' ? ext : undefined;
}

/** A file past its byte cap, or a CSV with more lines than rows allowed: refused before parsing. */
async function oversize(f: NamedBlob, kind: Kind, limits: ImportLimits): Promise<{ problem?: ImportProblem; bytes?: Uint8Array }> {
  const file = f.name;
  const maxBytes = kind === 'xlsx' ? limits.maxXlsxFileBytes : limits.maxTextFileBytes;
  if (f.size > maxBytes) return { problem: problem('too-large', { row: 0, field: '', file }, { maxBytes }) };
  const bytes = new Uint8Array(await f.arrayBuffer());
  if (kind === 'csv') {
    const lines = countLineBreaks(bytes);
    // The header and a last line without a break make up for quoted line breaks only up to a point.
    if (lines > limits.maxRows + 1) return { problem: problem('too-many-rows', { row: 0, field: '', file }, { rows: `${lines}+`, maxRows: limits.maxRows }) };
  }
  return { bytes };
}

export async function importFiles(files: readonly NamedBlob[], limits: ImportLimits = IMPORT_LIMITS): Promise<ImportOutcome> {
  if (files.length === 0) return rejected([problem('no-files', { row: 0, field: '' })]);
  const unknown = files.filter((f) => kindOf(f.name) === undefined);
  if (unknown.length) return rejected(unknown.map((f) => problem('unknown-file-type', { row: 0, field: '', file: f.name }, { name: f.name })));
  const kinds = files.map((f) => kindOf(f.name));
  const onlyCsv = kinds.every((k) => k === 'csv') && files.length <= 2;
  if (files.length > 1 && !onlyCsv) return rejected([problem('mixed-files', { row: 0, field: '' })]);

  const read: Uint8Array[] = [];
  for (const [i, f] of files.entries()) {
    const { problem: refused, bytes } = await oversize(f, kinds[i]!, limits);
    if (refused) return rejected([refused]);
    read.push(bytes!);
  }
  const [first] = files;
  if (first && kinds[0] === 'json') return importJsonText(decodeText(read[0]!), first.name, limits);

  const problems = new ProblemList();
  const parts: ListHalves[] = [];
  for (const [i, f] of files.entries()) {
    const bytes = read[i]!;
    const part = kinds[i] === 'xlsx' ? await importXlsx(bytes, f.name, problems, limits) : importCsvText(decodeText(bytes), f.name, problems);
    if (part) parts.push(part);
  }
  if (!problems.empty) return rejected(problems.result());
  return combineHalves(parts, problems);
}
