// SHA256SUMS in the format `sha256sum -c` reads: `<64 hex>  <path>` (two spaces: text mode),
// LF line ends, sorted by path so two exports of the same files give the same file.

export interface SumLine {
  path: string;
  sha256: string;
}

export interface ParsedSums {
  lines: SumLine[];
  /** line numbers are 1-based, as an editor shows them */
  problems: { line: number; message: string }[];
}

const byPath = (a: SumLine, b: SumLine) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export function formatSha256Sums(files: readonly SumLine[]): string {
  return [...files]
    .sort(byPath)
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');
}

export function parseSha256Sums(text: string): ParsedSums {
  const lines: SumLine[] = [];
  const problems: ParsedSums['problems'] = [];
  if (text.length > 0 && !text.endsWith('\n')) problems.push({ line: text.split('\n').length, message: 'last line does not end with LF' });
  const raw = text.split('\n');
  if (raw.at(-1) === '') raw.pop();
  const seen = new Set<string>();
  raw.forEach((line, i) => {
    const m = /^([0-9a-f]{64}) {2}([\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)$/.exec(line);
    if (!m || m[1] === undefined || m[2] === undefined) {
      problems.push({ line: i + 1, message: 'not a `<sha256>  <path>` line' });
      return;
    }
    if (seen.has(m[2])) problems.push({ line: i + 1, message: `${m[2]} listed twice` });
    seen.add(m[2]);
    lines.push({ sha256: m[1], path: m[2] });
  });
  return { lines, problems };
}
