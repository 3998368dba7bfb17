import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm run fixtures:import [-- <incoming dir>]`: copies real saved pages that arrived in
// ../shared/fixtures/real/ (or the given folder) into tests/fixtures/real/ with their SOURCES.tsv
// rows, so a bare clone carries every page its tests read. Pages already here are left alone.

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const REAL_FIXTURES = join(REPO, 'tests/fixtures/real');

export interface SourceRow {
  localPath: string;
  line: string;
}

/** Parses a SOURCES.tsv: a header row whose first column is `local_path`, then one row a page. */
export function readSources(file: string): { header: string; rows: SourceRow[] } {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines[0] ?? '';
  if (!header.startsWith('local_path\t')) throw new Error(`${file}: line 1 is not the header (local_path\\t...)`);
  return { header, rows: lines.slice(1).map((line) => ({ localPath: line.split('\t')[0] ?? '', line })) };
}

export function importRealFixtures(incoming: string, target = REAL_FIXTURES): string[] {
  const incomingSources = join(incoming, 'SOURCES.tsv');
  if (!existsSync(incomingSources)) throw new Error(`no SOURCES.tsv in ${incoming}: nothing to import`);
  const theirs = readSources(incomingSources);
  const ourSources = join(target, 'SOURCES.tsv');
  const ours = existsSync(ourSources) ? readSources(ourSources) : { header: theirs.header, rows: [] };
  if (ours.header !== theirs.header) throw new Error(`${incomingSources}: columns differ from ${ourSources}`);
  const have = new Set(ours.rows.map((r) => r.localPath));
  const added: string[] = [];
  for (const row of theirs.rows) {
    if (have.has(row.localPath)) continue;
    if (row.localPath.includes('..') || row.localPath.startsWith('/')) throw new Error(`${incomingSources}: path climbs out: ${row.localPath}`);
    const from = join(incoming, row.localPath);
    if (!existsSync(from)) throw new Error(`${incomingSources}: ${row.localPath} is listed but missing`);
    mkdirSync(dirname(join(target, row.localPath)), { recursive: true });
    copyFileSync(from, join(target, row.localPath));
    ours.rows.push(row);
    added.push(row.localPath);
  }
  if (added.length > 0) writeFileSync(ourSources, [ours.header, ...ours.rows.map((r) => r.line)].join('\n') + '\n');
  return added;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const incoming = resolve(process.argv[2] ?? join(REPO, '../shared/fixtures/real'));
  try {
    const added = importRealFixtures(incoming);
    for (const path of added) console.log(`added ${path}`);
    console.log(
      added.length === 0
        ? 'nothing new'
        : `${added.length} page(s) added: check them for personal data (nicknames, user ids, addresses, cookies) before committing`,
    );
  } catch (error) {
    console.error(`fixtures:import: ${(error as Error).message}`);
    process.exit(1);
  }
}
