import { describe, expect, it } from 'vitest';
import { importFiles } from '@/utils/authorized/import-files';
import { buildXlsx, type XlsxCell } from '@/tests/helpers/xlsx-builder';

const SELLERS: XlsxCell[][] = [
  ['platform', 'shopId', 'shopName', 'sellerId', 'validFrom', 'validTo'],
  ['tmall', 100200300, 'Acme官方旗舰店', null, { date: '2026-01-01' }, { date: '2026-12-31' }],
  ['jd', null, 'Acme京东自营', 55667788, null, null],
];
const PRODUCTS: XlsxCell[][] = [
  ['code', 'name', 'keywords', 'excludeKeywords', 'itemIds', 'minPrice', 'guidePrice'],
  ['XR-200', 'Acme XR-200 降噪耳机', 'XR-200|XR200', '耳机套', 750123456781, 269, 299.5],
  ['=CMD()', 'formula-looking text', 'kw', null, null, '199.9', null],
];

async function xlsxFile(sheets: { name: string; rows: XlsxCell[][] }[], name = 'list.xlsx'): Promise<File> {
  return new File([await buildXlsx(sheets)], name);
}

describe('XLSX import', () => {
  it('reads both sheets: number ids without ".0", number prices, date cells as YYYY-MM-DD', async () => {
    const outcome = await importFiles([
      await xlsxFile([
        { name: 'sellers', rows: SELLERS },
        { name: 'products', rows: PRODUCTS },
      ]),
    ]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.replaces).toBe('all');
    expect(outcome.list.sellers).toEqual([
      { platform: 'tmall', shopId: '100200300', shopName: 'Acme官方旗舰店', sellerId: '', validFrom: '2026-01-01', validTo: '2026-12-31' },
      { platform: 'jd', shopId: '', shopName: 'Acme京东自营', sellerId: '55667788' },
    ]);
    expect(outcome.list.products[0]).toMatchObject({ itemIds: ['750123456781'], minPrice: '269.00', minPriceFen: 26900, guidePrice: '299.50' });
    expect(outcome.list.products[1]).toMatchObject({ code: '=CMD()', minPrice: '199.90' });
  });

  it('a workbook with one of the sheets replaces only that half', async () => {
    const outcome = await importFiles([await xlsxFile([{ name: 'Products', rows: PRODUCTS }])]);
    expect(outcome.ok && outcome.replaces).toBe('products');
  });

  it('reports problems with spreadsheet row numbers per sheet', async () => {
    const bad: XlsxCell[][] = [...SELLERS, ['tmall', 100200300, 'again', null, null, null], ['weibo', 1, 'x', null, null, null]];
    const outcome = await importFiles([
      await xlsxFile([
        { name: 'sellers', rows: bad },
        { name: 'products', rows: [PRODUCTS[0]!, ['A', null, 'a', null, null, 'n/a', null]] },
      ]),
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => `${p.sheet}:${p.row}:${p.field}:${p.code}`)).toEqual([
      'sellers:4:shopId:duplicate-seller',
      'sellers:5:platform:unknown-platform',
      'products:2:minPrice:bad-price',
    ]);
  });

  it('rejects a workbook without the sheets, a corrupt file and an empty one', async () => {
    const other = await importFiles([await xlsxFile([{ name: 'Sheet1', rows: [['a']] }])]);
    const corrupt = await importFiles([new File(['PK not really a zip'], 'x.xlsx')]);
    const empty = await importFiles([new File([], 'x.xlsx')]);
    expect(!other.ok && other.problems.map((p) => p.code)).toEqual(['missing-sheet']);
    expect(!corrupt.ok && corrupt.problems.map((p) => p.code)).toEqual(['unreadable-file']);
    expect(!empty.ok && empty.problems.map((p) => p.code)).toEqual(['empty-file']);
  });

  it('flags an id that lost digits as a number cell', async () => {
    const outcome = await importFiles([await xlsxFile([{ name: 'sellers', rows: [SELLERS[0]!, ['tmall', 2 ** 64, 'x', null, null, null]] }])]);
    expect(!outcome.ok && outcome.problems.map((p) => p.code)).toEqual(['bad-id']);
  });
});
