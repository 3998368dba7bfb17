import { describe, expect, it } from 'vitest';
import { fastSeller, slowSeller } from '@/utils/authorized/validate-rows';
import { ProblemList } from '@/utils/authorized/problems';

// fastSeller is a shortcut past sellerInputSchema for rows already in canonical shape. Whatever it
// accepts, the schema must accept with the same result: a seeded random mix of clean and dirty
// values of every field checks the pair, as digest-matcher.test.ts does for the digest.

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

const SEED = 20261204;
const rnd = random(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const VALUES = {
  platform: ['tmall', 'taobao', 'jd', 'pdd', 'pdd', 'Tmall', ' jd', '天猫', 'amazon', '', undefined, 3],
  shopId: ['100200300', '100200300', '', '', ' 42', '42 ', 42, 2 ** 60, undefined, null, '\u00a0'],
  shopName: ['Acme官方旗舰店', 'Acme官方旗舰店', '', ' 小店', '小店 ', 'ＡＣＭＥ', undefined, 0, '\t'],
  sellerId: ['2200', '', undefined, ' 2200', 2200, 'x'],
  validFrom: ['2026-01-01', '2026-01-01', '', undefined, '2026-02-30', '2026/1/1', '2027-01-01', 46000, 'soon'],
  validTo: ['2026-12-31', '2026-12-31', '', undefined, '2026-13-01', '2026/12/31', '2025-12-31'],
} as const;

const rows = Array.from({ length: 5_000 }, () => {
  const row: Record<string, unknown> = {};
  for (const [field, values] of Object.entries(VALUES)) {
    const v = pick(values as readonly unknown[]);
    if (v !== undefined || rnd() < 0.5) row[field] = v;
  }
  if (rnd() < 0.05) row.extra = 'ignored';
  return row;
});

describe('fastSeller against sellerInputSchema (seed ' + SEED + ')', () => {
  it('gives the schema’s result wherever it accepts a row, and accepts the canonical ones', () => {
    let fast = 0;
    for (const row of rows) {
      const viaFast = fastSeller(structuredClone(row));
      const problems = new ProblemList();
      const viaSchema = slowSeller(structuredClone(row), 1, problems);
      if (viaFast === undefined) continue;
      fast += 1;
      expect(viaSchema, JSON.stringify(row)).toEqual(viaFast);
      expect(problems.total).toBe(0);
    }
    expect(fast).toBeGreaterThan(50); // about 2% of this mix is canonical
  });
});
