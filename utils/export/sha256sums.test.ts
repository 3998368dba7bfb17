import { describe, expect, it } from 'vitest';
import { formatSha256Sums, parseSha256Sums } from '@/utils/export/sha256sums';

const a = 'a'.repeat(64);
const b = 'b'.repeat(64);

describe('SHA256SUMS', () => {
  it('formats sorted lines with two spaces and LF', () => {
    expect(
      formatSha256Sums([
        { path: 'report.html', sha256: a },
        { path: 'captures/x/a.png', sha256: b },
      ]),
    ).toBe(`${b}  captures/x/a.png\n${a}  report.html\n`);
  });

  it('parses what it formats', () => {
    const text = formatSha256Sums([
      { path: 'manifest.json', sha256: a },
      { path: 'b', sha256: b },
    ]);
    expect(parseSha256Sums(text)).toEqual({
      lines: [
        { path: 'b', sha256: b },
        { path: 'manifest.json', sha256: a },
      ],
      problems: [],
    });
  });

  it.each([
    [`${a} one-space\n`, 'not a'],
    [`${a.toUpperCase()}  x\n`, 'not a'],
    [`${a}  x\r\n`, 'not a'],
    [`${a}  x`, 'LF'],
    [`${a}  x\n${b}  x\n`, 'twice'],
    [`\n`, 'not a'],
  ])('reports %j', (text, message) => {
    expect(
      parseSha256Sums(text)
        .problems.map((p) => p.message)
        .join(' '),
    ).toContain(message);
  });
});
