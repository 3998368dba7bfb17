import { describe, expect, it } from 'vitest';
import { importFiles, type NamedBlob } from '@/utils/authorized/import-files';
import { importJsonText } from '@/utils/authorized/import-json';
import { countLineBreaks, IMPORT_LIMITS } from '@/utils/authorized/import-limits';
import { checkXlsxSizes } from '@/utils/authorized/xlsx-size-check';
import { buildZip, xlsxBomb } from '@/tests/helpers/zip-bomb';

const named = (name: string, data: BlobPart): NamedBlob => Object.assign(new Blob([data]), { name });
const MiB = 1024 * 1024;

describe('XLSX size caps', () => {
  it('rejects a 100 MiB sheet packed into about 100 KiB within seconds, naming the part', async () => {
    const bomb = xlsxBomb(100 * MiB);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = performance.now();
    const outcome = await importFiles([named('list.xlsx', new Uint8Array(bomb))]);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      expect.objectContaining({
        code: 'xlsx-part-too-large',
        row: 0,
        field: '',
        file: 'list.xlsx',
        params: { part: 'xl/worksheets/sheet1.xml', maxBytes: IMPORT_LIMITS.maxXlsxPartBytes, fileBytes: bomb.length },
      }),
    ]);
    expect(outcome.problems[0]!.message).toMatch(/unpacks to more than 67108864 bytes/);
  });

  it('stops inflating a part that grows past the size it declares', async () => {
    const liar = xlsxBomb(8 * MiB, true);
    const started = performance.now();
    expect(await checkXlsxSizes(liar, IMPORT_LIMITS)).toEqual({ kind: 'part-too-large', part: 'xl/worksheets/sheet1.xml', maxBytes: 4096 });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('caps the sum of the parts and the entry count, and names a damaged zip', async () => {
    const parts = Array.from({ length: 3 }, (_, i) => ({ name: `xl/p${i}.xml`, data: Buffer.alloc(2048, 'x') }));
    expect(await checkXlsxSizes(buildZip(parts), { ...IMPORT_LIMITS, maxXlsxTotalBytes: 5000 })).toEqual({
      kind: 'part-too-large',
      part: 'xl/p2.xml',
      maxBytes: 5000,
    });
    expect(await checkXlsxSizes(buildZip(parts), { ...IMPORT_LIMITS, maxXlsxEntries: 2 })).toEqual({ kind: 'unreadable', detail: '3 entries (more than 2)' });
    expect(await checkXlsxSizes(new TextEncoder().encode('not a zip at all, just text'), IMPORT_LIMITS)).toMatchObject({
      kind: 'unreadable',
      detail: /no end of central directory/,
    });
    expect(await checkXlsxSizes(buildZip(parts), IMPORT_LIMITS)).toBeUndefined();
  });

  it('refuses an XLSX file past its byte cap before reading it', async () => {
    const outcome = await importFiles([named('big.xlsx', new Uint8Array(2048))], { ...IMPORT_LIMITS, maxXlsxFileBytes: 1024 });
    expect(outcome).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'too-large', file: 'big.xlsx', params: { maxBytes: 1024 } })] });
  });
});

describe('row caps', () => {
  it('counts line breaks in bytes', () => {
    expect(countLineBreaks(new TextEncoder().encode('a\nb\r\nc'))).toBe(2);
    expect(countLineBreaks(new Uint8Array(0))).toBe(0);
  });

  it('refuses a CSV with more lines than rows allowed, before parsing', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `tmall,${100 + i},店${i}`).join('\n');
    const outcome = await importFiles([named('sellers.csv', `platform,shopId,shopName\n${rows}\n`)], { ...IMPORT_LIMITS, maxRows: 10 });
    expect(outcome).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'too-many-rows', row: 0, file: 'sellers.csv', params: { rows: '13+', maxRows: 10 } })],
    });
  });

  it('refuses a CSV or JSON file past the byte cap', async () => {
    const outcome = await importFiles([named('sellers.csv', 'platform,shopId\ntmall,1\n')], { ...IMPORT_LIMITS, maxTextFileBytes: 8 });
    expect(outcome).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'too-large', params: { maxBytes: 8 } })] });
  });

  it('refuses a JSON list with more sellers than allowed, naming the half', () => {
    const sellers = new Array(11).fill({ platform: 'tmall', shopId: '1' });
    const text = JSON.stringify({ format: 'listingproof-authorized-list', formatVersion: 1, brand: 'b', updatedAt: '', sellers, products: [] });
    const outcome = importJsonText(text, 'list.json', { ...IMPORT_LIMITS, maxRows: 10 });
    expect(outcome).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'too-many-rows', field: 'sellers', params: { rows: 11, maxRows: 10 } })] });
  });
});
