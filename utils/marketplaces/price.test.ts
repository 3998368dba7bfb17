import { describe, expect, it } from 'vitest';
import { formatFen, lowestPriceFen, parseYuanRange, yuanToFen } from '@/utils/marketplaces/price';

describe('prices in fen', () => {
  it('parses the forms pages show', () => {
    expect(yuanToFen('¥199.00')).toBe(19900);
    expect(yuanToFen('1,299.5')).toBe(129950);
    expect(yuanToFen('abc')).toBeUndefined();
    expect(parseYuanRange('149.00 - 159.00')).toEqual({ min: 14900, max: 15900 });
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(19900)).toBe('199.00');
  });

  it('takes the lowest buyable price, skipping member-only and sold-out SKUs', () => {
    expect(
      lowestPriceFen({
        prices: { list: { min: 30000, max: 32000 }, coupon: { min: 25000, max: 25000 } },
        skus: [
          { id: '1', priceFen: 30000, memberOnly: true, promoFen: 10000 },
          { id: '2', priceFen: 31000, stock: 0, promoFen: 12000 },
          { id: '3', priceFen: 32000, promoFen: 26000 },
        ],
      }),
    ).toBe(25000);
  });
});
