import { describe, expect, it } from 'vitest';
import { buildIndex, verdictFor, type VerdictInput } from '@/utils/authorized/matcher';
import { cstDay, normalise } from '@/utils/authorized/normalise';
import { makeList } from '@/utils/authorized/import-result';
import type { AuthorizedProduct, AuthorizedSeller } from '@/utils/model/authorized-list';

const seller = (s: Partial<AuthorizedSeller> & Pick<AuthorizedSeller, 'platform'>): AuthorizedSeller => ({ shopId: '', shopName: '', sellerId: '', ...s });
const product = (p: Partial<AuthorizedProduct> & Pick<AuthorizedProduct, 'code' | 'minPriceFen'>): AuthorizedProduct => ({
  name: '',
  keywords: [],
  excludeKeywords: [],
  itemIds: [],
  minPrice: `${p.minPriceFen / 100}.00`,
  ...p,
});

const list = makeList({
  brand: 'Acme',
  updatedAt: '2026-11-01T00:00:00Z',
  sellers: [
    seller({ platform: 'tmall', shopId: '100', shopName: 'Acme官方旗舰店', validFrom: '2026-01-01', validTo: '2026-06-30' }),
    seller({ platform: 'tmall', shopId: '200', shopName: 'Acme 未来 店', validFrom: '2027-01-01' }),
    seller({ platform: 'jd', sellerId: '555', shopName: 'Acme京东店' }),
    seller({ platform: 'taobao', shopName: 'ＡＣＭＥ 授权\u3000专卖店' }),
    seller({ platform: 'pdd', shopId: '9', shopName: '拼多多Acme' }),
  ],
  products: [
    product({ code: 'XR-200', keywords: ['XR-200', 'XR200'], excludeKeywords: ['耳机套'], itemIds: ['750'], minPriceFen: 26900 }),
    product({ code: 'XR-PRO', keywords: ['XR200 Pro'], minPriceFen: 39900 }),
    product({ code: 'CASE', keywords: ['耳机套'], minPriceFen: 1900 }),
    product({ code: 'BY-ID', itemIds: ['888'], minPriceFen: 100000 }),
  ],
});
const index = buildIndex(list, { id: 'L1', updatedAt: list.updatedAt, brand: list.brand });
const JUNE = new Date('2026-06-15T12:00:00+08:00');
const v = (input: Partial<VerdictInput>) => verdictFor(index, { platform: 'tmall', at: JUNE, ...input });

describe('normalisation', () => {
  it('applies NFKC, lower case and removes all white space', () => {
    expect(normalise(' ＡＣＭＥ 授权\u3000专卖店\t')).toBe('acme授权专卖店');
    expect(normalise('XR\u200b-200')).toBe('xr-200');
  });
  it('gives the calendar day in China Standard Time', () => {
    expect(cstDay(new Date('2026-06-30T15:59:59Z'))).toBe('2026-06-30');
    expect(cstDay(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01');
  });
});

describe('seller verdicts', () => {
  it('matches by platform + shop id within the window, naming the list', () => {
    expect(v({ shopId: '100', shopName: 'anything' })).toMatchObject({
      seller: 'authorized',
      matchedBy: 'shopId',
      listId: 'L1',
      listBrand: 'Acme',
      listUpdatedAt: '2026-11-01T00:00:00Z',
    });
  });
  it('same shop id on another platform does not match', () => {
    expect(v({ platform: 'jd', shopId: '100', shopName: 'Acme官方旗舰店' }).seller).toBe('unauthorized');
  });
  it('a shop id that differs from every listed id is unauthorized, whatever its name', () => {
    expect(v({ shopId: '999', shopName: 'Acme官方旗舰店' }).seller).toBe('unauthorized');
  });
  it('expired after validTo and before validFrom (not yet valid)', () => {
    expect(v({ shopId: '100', at: new Date('2026-07-02T00:00:00+08:00') }).seller).toBe('expired');
    expect(v({ shopId: '100', at: new Date('2025-12-31T23:59:59+08:00') }).seller).toBe('expired');
    expect(v({ shopId: '200', at: new Date('2026-12-31T12:00:00+08:00') }).seller).toBe('expired');
    expect(v({ shopId: '200', at: new Date('2030-01-01T00:00:00+08:00') }).seller).toBe('authorized');
  });
  it('window edges are inclusive days in China Standard Time, at midnight', () => {
    // 2026-06-30 23:59:59 CST is 15:59:59 UTC: still valid; one second later it is July 1st in China.
    expect(v({ shopId: '100', at: new Date('2026-06-30T15:59:59Z') }).seller).toBe('authorized');
    expect(v({ shopId: '100', at: new Date('2026-06-30T16:00:00Z') }).seller).toBe('expired');
    // 2026-01-01 00:00 CST is 2025-12-31 16:00 UTC: already valid, though UTC still says 2025.
    expect(v({ shopId: '100', at: new Date('2025-12-31T16:00:00Z') }).seller).toBe('authorized');
    expect(v({ shopId: '100', at: new Date('2025-12-31T15:59:59Z') }).seller).toBe('expired');
  });
  it('without a shop id, matches by seller id; an unlisted seller id is unauthorized', () => {
    expect(v({ platform: 'jd', sellerId: '555', shopName: 'x' })).toMatchObject({ seller: 'authorized', matchedBy: 'sellerId' });
    expect(v({ platform: 'jd', sellerId: '556', shopName: 'Acme京东店' }).seller).toBe('unauthorized');
  });
  it('without ids, matches by normalised name: full-width, case and spacing variants', () => {
    expect(v({ platform: 'taobao', shopName: 'acme授权专卖店' })).toMatchObject({ seller: 'authorized', matchedBy: 'shopName' });
    expect(v({ platform: 'taobao', shopName: 'Acme 授权 专卖店' }).seller).toBe('authorized');
    expect(v({ platform: 'tmall', shopName: 'ＡＣＭＥ官方 旗舰店' })).toMatchObject({ seller: 'authorized', matchedBy: 'shopName' });
    expect(v({ platform: 'taobao', shopName: 'Acme授权专卖店2' }).seller).toBe('unauthorized');
  });
  it('a page shop id on a platform listed by name only falls back to the name', () => {
    expect(v({ platform: 'taobao', shopId: '4242', shopName: 'ACME授权专卖店' }).seller).toBe('authorized');
    expect(v({ platform: 'taobao', shopId: '4242', shopName: 'other' }).seller).toBe('unauthorized');
  });
  it('missing ids and name: unknown; no list: unknown', () => {
    expect(v({ shopName: '' }).seller).toBe('unknown');
    expect(verdictFor(undefined, { platform: 'tmall', shopId: '100', at: JUNE })).toEqual({ seller: 'unknown', price: 'unknown' });
  });
  it('a list without sellers says nothing about sellers', () => {
    const productsOnly = buildIndex(makeList({ products: list.products }), { id: 'P', updatedAt: '', brand: '' });
    expect(verdictFor(productsOnly, { platform: 'tmall', shopId: '1', at: JUNE }).seller).toBe('unknown');
  });
});

describe('price verdicts', () => {
  it('matches by item id, even without a keyword in the title', () => {
    expect(v({ itemId: '750', title: 'unrelated', lowestPriceFen: 26900 })).toMatchObject({ price: 'ok', productCode: 'XR-200', minPrice: '269.00' });
    expect(v({ itemId: '750', title: 'unrelated', lowestPriceFen: 26899 }).price).toBe('below-min');
  });
  it('matches by normalised keyword in the title', () => {
    expect(v({ itemId: '1', title: 'Acme ｘｒ ２００ 降噪耳机', lowestPriceFen: 20000 })).toMatchObject({ price: 'below-min', productCode: 'XR-200' });
  });
  it('an exclude keyword stops a keyword match (accessories)', () => {
    expect(v({ itemId: '1', title: 'XR200 耳机套 硅胶', lowestPriceFen: 1000 })).toMatchObject({ price: 'below-min', productCode: 'CASE' });
  });
  it('exclude keywords do not stop an item-id match', () => {
    expect(v({ itemId: '750', title: 'XR200 耳机套', lowestPriceFen: 20000 })).toMatchObject({ productCode: 'XR-200', price: 'below-min' });
  });
  it('several products match: the highest minimum applies', () => {
    expect(v({ itemId: '1', title: 'Acme XR200 Pro 旗舰', lowestPriceFen: 30000 })).toMatchObject({
      productCode: 'XR-PRO',
      minPrice: '399.00',
      price: 'below-min',
    });
    expect(v({ itemId: '888', title: 'XR200', lowestPriceFen: 99999 })).toMatchObject({ productCode: 'BY-ID', price: 'below-min' });
  });
  it('no product: no-rule; unknown price: unknown', () => {
    expect(v({ itemId: '1', title: 'something else', lowestPriceFen: 1 }).price).toBe('no-rule');
    expect(v({ itemId: '750', title: 'x' })).toMatchObject({ price: 'unknown', productCode: 'XR-200' });
  });
  it('one-character keywords still match', () => {
    const idx = buildIndex(makeList({ products: [product({ code: 'K', keywords: ['K'], minPriceFen: 500 })] }), { id: 'K', updatedAt: '', brand: '' });
    expect(verdictFor(idx, { platform: 'jd', title: 'ak47', lowestPriceFen: 100, at: JUNE }).price).toBe('below-min');
  });
});

describe('keyword index at scale', () => {
  it('keeps matching right when thousands of keywords share a prefix', () => {
    const products = Array.from({ length: 5000 }, (_, i) => product({ code: `P${i}`, keywords: [`MDL-${i}`], minPriceFen: 100 + i }));
    const idx = buildIndex(makeList({ products }), { id: 'S', updatedAt: '', brand: '' });
    // "mdl-4999" also contains mdl-4, mdl-49 and mdl-499: all match, the highest minimum applies
    expect(verdictFor(idx, { platform: 'jd', title: 'Acme MDL-4999 耳机', lowestPriceFen: 6000, at: JUNE })).toMatchObject({
      productCode: 'P4999',
      price: 'ok',
    });
    expect(verdictFor(idx, { platform: 'jd', title: 'Acme MDL 耳机', lowestPriceFen: 1, at: JUNE }).price).toBe('no-rule');
  });
});
