import { describe, expect, it } from 'vitest';
import { importFiles } from '@/utils/authorized/import-files';
import { fixtureFile, textFile } from '@/tests/helpers/authorized-files';
import type { ImportProblem } from '@/utils/model/authorized-list';
import { problemText } from '@/utils/authorized/problem-text';

async function problemsOf(...names: string[]): Promise<ImportProblem[]> {
  const outcome = await importFiles(names.map(fixtureFile));
  if (outcome.ok) throw new Error(`expected a rejection for ${names.join(', ')}`);
  return outcome.problems;
}

const brief = (ps: ImportProblem[]) => ps.map((p) => `${p.row}:${p.field}:${p.code}`);

describe('importing valid lists', () => {
  it('reads the canonical JSON with prices normalised and kept in fen', async () => {
    const outcome = await importFiles([fixtureFile('valid.json')]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.replaces).toBe('all');
    expect(outcome.list.brand).toBe('Acme');
    expect(outcome.list.sellers).toHaveLength(3);
    expect(outcome.list.sellers[0]).toEqual({
      platform: 'tmall',
      shopId: '100200300',
      shopName: 'Acme官方旗舰店',
      sellerId: '',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
    });
    expect(outcome.list.products[1]).toMatchObject({ code: 'XR-300', minPrice: '399.00', minPriceFen: 39900 });
    expect(outcome.list.products[1]!.guidePrice).toBeUndefined();
  });

  it('reads a CSV pair chosen together, in either order, as the whole list', async () => {
    const json = await importFiles([fixtureFile('valid.json')]);
    const csv = await importFiles([fixtureFile('products.csv'), fixtureFile('sellers.csv')]);
    expect(csv.ok && json.ok).toBe(true);
    if (!csv.ok || !json.ok) return;
    expect(csv.replaces).toBe('all');
    expect(csv.list.sellers).toEqual(json.list.sellers);
    expect(csv.list.products).toEqual(json.list.products);
  });

  it('reads UTF-8 with BOM and GB18030 the same as plain UTF-8', async () => {
    const plain = await importFiles([fixtureFile('sellers.csv')]);
    const bom = await importFiles([fixtureFile('sellers-bom.csv')]);
    const gb = await importFiles([fixtureFile('sellers-gb18030.csv'), fixtureFile('products-gb18030.csv')]);
    expect(plain.ok && bom.ok && gb.ok).toBe(true);
    if (!plain.ok || !bom.ok || !gb.ok) return;
    expect(plain.replaces).toBe('sellers');
    expect(bom.list.sellers).toEqual(plain.list.sellers);
    expect(gb.list.sellers).toEqual(plain.list.sellers);
    expect(gb.list.products[0]!.name).toBe('Acme XR-200 降噪耳机');
  });

  it('keeps formula-looking cells as literal text', async () => {
    const outcome = await importFiles([fixtureFile('formulas.csv')]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.list.sellers.map((s) => s.shopName)).toEqual(['=HYPERLINK("http://x.invalid","click")', '+86 shop', '@SUM(A1)', '-shop']);
  });

  it('accepts YYYY/M/D dates as spreadsheets save them, normalised', async () => {
    const outcome = await importFiles([textFile('s.csv', 'platform,shopId,validFrom,validTo\ntmall,1,2026/3/5,2026-03-05\n')]);
    expect(outcome.ok && outcome.list.sellers[0]).toMatchObject({ validFrom: '2026-03-05', validTo: '2026-03-05' });
  });
});

describe('rejecting malformed files, listing every problem', () => {
  it('empty files', async () => {
    expect(brief(await problemsOf('empty.csv'))).toEqual(['0::empty-file']);
    expect(brief(await problemsOf('empty.json'))).toEqual(['0::empty-file']);
    expect(brief(await problemsOf('blank.csv'))).toEqual(['0::empty-file']);
  });

  it('truncated JSON, with the position', async () => {
    const [p] = await problemsOf('truncated.json');
    expect(p?.code).toBe('invalid-json');
    expect(p?.params?.position).toBe(300);
    expect(p?.message).toMatch(/position 300/);
  });

  it('a JSON that is not an authorized list', async () => {
    expect(brief(await problemsOf('wrong-format.json'))).toEqual(['0:format:wrong-format']);
  });

  it('bad JSON rows, numbered by array index', async () => {
    const ps = await problemsOf('bad-rows.json');
    expect(ps.map((p) => `${p.sheet}[${p.row}].${p.field}:${p.code}`)).toEqual([
      'sellers[3].platform:unknown-platform',
      'sellers[4].shopId:duplicate-seller',
      'products[2].code:duplicate-product',
      'products[3].minPrice:bad-price',
    ]);
    expect(ps[1]?.params?.firstRow).toBe(0);
  });

  it('duplicate sellers by shop id, seller id and normalised name; same id on another platform is fine', async () => {
    const ps = await problemsOf('duplicate-sellers.csv');
    expect(brief(ps)).toEqual(['3:shopId:duplicate-seller', '5:sellerId:duplicate-seller', '7:shopName:duplicate-seller']);
    expect(ps[0]?.params?.firstRow).toBe(2);
  });

  it('duplicate product codes', async () => {
    expect(brief(await problemsOf('duplicate-products.csv'))).toEqual(['4:code:duplicate-product']);
  });

  it('bad dates and a window that ends before it starts', async () => {
    expect(brief(await problemsOf('bad-dates.csv'))).toEqual(['2:validFrom:bad-date', '3:validTo:date-order', '4:validFrom:bad-date']);
  });

  it('non-numeric and missing prices', async () => {
    expect(brief(await problemsOf('bad-prices.csv'))).toEqual([
      '2:minPrice:bad-price',
      '3:minPrice:missing-field',
      '4:minPrice:bad-price',
      '5:guidePrice:bad-price',
    ]);
  });

  it('unknown and missing platforms', async () => {
    const ps = await problemsOf('unknown-platform.csv');
    expect(brief(ps)).toEqual(['3:platform:unknown-platform', '4:platform:missing-field']);
    expect(ps[0]?.file).toBe('unknown-platform.csv');
  });

  it('a missing column', async () => {
    const ps = await problemsOf('missing-column.csv');
    expect(brief(ps)).toEqual(['1:minPrice:missing-column']);
    expect(ps[0]?.params?.column).toBe('minPrice');
  });

  it('rows without any seller key, counted as a spreadsheet shows them (blank and multi-line rows)', async () => {
    expect(brief(await problemsOf('missing-fields.csv'))).toEqual(['2:shopId:needs-seller-key', '5:platform:unknown-platform']);
  });

  it('unknown file types and headers; mixed or doubled files', async () => {
    expect(brief(await problemsOf('notes.txt'))).toEqual(['0::unknown-file-type']);
    expect(brief(await problemsOf('unknown-header.csv'))).toEqual(['1::unknown-csv-header']);
    expect(brief(await problemsOf('valid.json', 'sellers.csv'))).toEqual(['0::mixed-files']);
    expect(brief(await problemsOf('sellers.csv', 'sellers-bom.csv'))).toEqual(['0::duplicate-half']);
    expect(brief(await problemsOf('sellers.csv', 'products.csv', 'products.csv'))).toEqual(['0::mixed-files']);
  });

  it('lists problems from both files of a pair', async () => {
    const ps = await problemsOf('bad-dates.csv', 'bad-prices.csv');
    expect(new Set(ps.map((p) => p.file))).toEqual(new Set(['bad-dates.csv', 'bad-prices.csv']));
  });

  it('caps the list at 1000 problems with a note', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `mars,${i},x`).join('\n');
    const outcome = await importFiles([textFile('many.csv', `platform,shopId,shopName\n${rows}\n`)]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toHaveLength(1001);
    expect(outcome.problems.at(-1)).toMatchObject({ code: 'too-many-problems', params: { shown: 1000, total: 1500 } });
  });

  it('says every problem in both languages', async () => {
    const [p] = await problemsOf('unknown-platform.csv');
    expect(problemText(p!, 'en')).toBe('Unknown platform "amazon" (expected taobao, tmall, jd or pdd)');
    expect(problemText(p!, 'zh-CN')).toBe('未知平台“amazon”（应为 taobao、tmall、jd 或 pdd）');
  });
});
