import { describe, expect, it } from 'vitest';
import { buildIndex, verdictFor, type VerdictInput } from '@/utils/authorized/matcher';
import { buildSellerDigest } from '@/utils/authorized/seller-digest';
import { DigestMatcher } from '@/utils/authorized/digest-matcher';
import { keyHash52 } from '@/utils/authorized/key-hash';
import { makeList } from '@/utils/authorized/import-result';
import type { AuthorizedProduct, AuthorizedSeller } from '@/utils/model/authorized-list';
import { PLATFORMS, type Platform } from '@/utils/model/listing';

// The digest must give exactly the background's verdict. A seeded random list with every kind of
// key, shared names, windows on both sides of the day and platforms without sellers, judged by
// both on listings that mix listed, unlisted, blank and spaced keys.

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

const SEED = 20261123;
const rnd = random(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const WINDOWS: Pick<AuthorizedSeller, 'validFrom' | 'validTo'>[] = [
  {},
  { validTo: '2026-06-30' },
  { validFrom: '2026-07-01' },
  { validFrom: '2026-01-01', validTo: '2026-12-31' },
  { validTo: '2025-12-31' },
];
const NAMES = ['Acme官方旗舰店', 'ＡＣＭＥ 授权 专卖店', 'acme授权专卖店', '数码之家', 'Digital Home', '小店 A', '小店B'];
const PLATFORMS_WITH_SELLERS: Platform[] = ['taobao', 'tmall', 'jd']; // pdd: none listed

const sellers: AuthorizedSeller[] = [];
for (let i = 0; i < 300; i++) {
  const platform = pick(PLATFORMS_WITH_SELLERS);
  const kind = i % 4;
  sellers.push({
    platform,
    shopId: kind === 0 || kind === 3 ? String(1000 + i) : '',
    sellerId: kind === 1 || kind === 3 ? String(5000 + i) : '',
    shopName: kind === 2 || rnd() < 0.5 ? `${pick(NAMES)}${rnd() < 0.5 ? '' : i % 17}` : '',
    ...pick(WINDOWS),
  });
}
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
  sellers,
  products: [
    product({ code: 'XR-200', keywords: ['XR-200'], excludeKeywords: ['耳机套'], itemIds: ['750'], minPriceFen: 26900 }),
    product({ code: 'CASE', keywords: ['耳机套'], minPriceFen: 1900 }),
  ],
});
const index = buildIndex(list, { id: 'L1', updatedAt: list.updatedAt, brand: list.brand });

function randomInput(): Omit<VerdictInput, 'at'> {
  const listed = pick(sellers);
  const id = (own: string, other: string) => pick([own, other, '', ` ${own} `, undefined]);
  return {
    platform: rnd() < 0.8 ? listed.platform : pick(PLATFORMS),
    shopId: id(listed.shopId, String(90_000 + Math.floor(rnd() * 1000))),
    sellerId: id(listed.sellerId, String(70_000 + Math.floor(rnd() * 1000))),
    shopName: pick([listed.shopName, ` ${listed.shopName.toUpperCase()} `, pick(NAMES), '', '陌生店铺']),
    itemId: pick(['750', '1', undefined]),
    title: pick(['Acme XR-200 降噪耳机', 'XR-200 耳机套', '无关商品', '']),
    lowestPriceFen: pick([undefined, 100, 30000]),
  };
}

describe(`seller digest (seed ${SEED})`, () => {
  for (const day of ['2026-06-15T12:00:00+08:00', '2026-07-01T00:00:00+08:00', '2027-03-01T09:00:00+08:00']) {
    it(`gives the matcher's verdict on 3000 random listings on ${day.slice(0, 10)}`, () => {
      const at = new Date(day);
      const matcher = new DigestMatcher(buildSellerDigest(index, PLATFORMS, at));
      const kinds = new Set<string>();
      for (let i = 0; i < 3000; i++) {
        const input = randomInput();
        const expected = verdictFor(index, { ...input, at });
        expect(matcher.verdict(input), JSON.stringify(input)).toEqual(expected);
        kinds.add(`${expected.seller}/${expected.matchedBy ?? '-'}/${expected.price}`);
      }
      // The comparison must have exercised every outcome, or it proves little.
      for (const outcome of ['authorized/shopId', 'authorized/sellerId', 'authorized/shopName', 'expired/shopId', 'unauthorized/-', 'unknown/-']) {
        expect(
          [...kinds].some((k) => k.startsWith(outcome)),
          outcome,
        ).toBe(true);
      }
    });
  }

  it('covers only the platforms asked for, and only on its day', () => {
    const at = new Date('2026-06-15T12:00:00+08:00');
    const matcher = new DigestMatcher(buildSellerDigest(index, ['taobao', 'tmall'], at));
    expect(matcher.covers('tmall', '2026-06-15')).toBe(true);
    expect(matcher.covers('jd', '2026-06-15')).toBe(false);
    expect(matcher.covers('tmall', '2026-06-16')).toBe(false);
  });

  it('judges every seller unknown when the list has none', () => {
    const empty = buildIndex(makeList({ brand: 'Acme', updatedAt: list.updatedAt, sellers: [], products: list.products }), index.meta);
    const at = new Date('2026-06-15T12:00:00+08:00');
    const matcher = new DigestMatcher(buildSellerDigest(empty, ['jd'], at));
    expect(matcher.verdict({ platform: 'jd', shopId: '1', shopName: 'x', title: 'XR-200', lowestPriceFen: 100 })).toEqual(
      verdictFor(empty, { platform: 'jd', shopId: '1', shopName: 'x', title: 'XR-200', lowestPriceFen: 100, at }),
    );
  });

  it('hashes to 52-bit integers that keep a status bit exact', () => {
    for (const key of ['', '1', '店', 'a'.repeat(1000)]) {
      const h = keyHash52(key);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 52).toBe(true);
      expect(h * 2 + 1 - h * 2).toBe(1);
    }
    expect(keyHash52('1000')).not.toBe(keyHash52('1001'));
  });
});
