import { importCsvText } from '@/utils/authorized/import-csv';
import { importJsonText } from '@/utils/authorized/import-json';
import { importXlsx } from '@/utils/authorized/import-xlsx';
import { readBlobText } from '@/utils/authorized/decode-text';
import { combineHalves, type ListHalves } from '@/utils/authorized/halves';
import { problem, ProblemList } from '@/utils/authorized/problems';
import { rejected, type ImportOutcome } from '@/utils/authorized/import-result';

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

export async function importFiles(files: readonly NamedBlob[]): Promise<ImportOutcome> {
  if (files.length === 0) return rejected([problem('no-files', { row: 0, field: '' })]);
  const unknown = files.filter((f) => kindOf(f.name) === undefined);
  if (unknown.length) return rejected(unknown.map((f) => problem('unknown-file-type', { row: 0, field: '', file: f.name }, { name: f.name })));
  const kinds = files.map((f) => kindOf(f.name));
  const onlyCsv = kinds.every((k) => k === 'csv') && files.length <= 2;
  if (files.length > 1 && !onlyCsv) return rejected([problem('mixed-files', { row: 0, field: '' })]);

  const [first] = files;
  if (first && kinds[0] === 'json') return importJsonText(await readBlobText(first), first.name);

  const problems = new ProblemList();
  const parts: ListHalves[] = [];
  for (const f of files) {
    const part = kindOf(f.name) === 'xlsx' ? await importXlsx(f, f.name, problems) : importCsvText(await readBlobText(f), f.name, problems);
    if (part) parts.push(part);
  }
  if (!problems.empty) return rejected(problems.result());
  return combineHalves(parts, problems);
}
