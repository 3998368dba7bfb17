import { describe, expect, it } from 'vitest';
import type { CaptureRecord, CaseRecord } from '@/utils/model/capture';
import type { CaseWithCaptures } from '@/utils/evidence/capture-queries';
import { captureRows, DEFAULT_SORT, nextSort } from '@/utils/evidence/capture-order';
import { makeCapture } from '@/tests/helpers/make-capture';

const base = (await makeCapture({ pngBytes: 0 })).record;
const kase = (id: string, shopName: string): CaseRecord => ({ id, platform: 'taobao', shopKey: id, shopName, createdAt: '2026-12-01T00:00:00Z' });
const cap = (id: string, shop: string, capturedAt: string, lowest: string): CaptureRecord => ({
  ...base,
  id,
  capturedAt,
  shop: { ...base.shop, name: shop },
  price: { lowest, currency: 'CNY' },
});

const cases: CaseWithCaptures[] = [
  { case: kase('k1', '乙店'), captures: [cap('b2', '乙店', '2026-12-04T10:00:00+08:00', '150.00'), cap('b1', '乙店', '2026-12-01T10:00:00+08:00', '')] },
  { case: kase('k2', '甲店'), captures: [cap('a1', '甲店', '2026-12-03T01:30:00Z', '99.50')] },
];
const ids = (sort: Parameters<typeof captureRows>[1]) => captureRows(cases, sort).map((r) => (r.kind === 'case' ? `case:${r.item.case.id}` : r.capture.id));

describe('the captures list order', () => {
  it('groups by case by default: each case row, then its captures as given', () => {
    expect(ids(DEFAULT_SORT)).toEqual(['case:k1', 'b2', 'b1', 'case:k2', 'a1']);
  });

  it('sorts flat by capture instant, either way', () => {
    expect(ids({ key: 'time', dir: 'desc' })).toEqual(['b2', 'a1', 'b1']);
    expect(ids({ key: 'time', dir: 'asc' })).toEqual(['b1', 'a1', 'b2']);
  });

  it('sorts by price with captures that have none last, either way', () => {
    expect(ids({ key: 'price', dir: 'asc' })).toEqual(['a1', 'b2', 'b1']);
    expect(ids({ key: 'price', dir: 'desc' })).toEqual(['b2', 'a1', 'b1']);
  });

  it('sorts by shop name (pinyin order for Chinese names), newest first within a shop', () => {
    expect(ids({ key: 'shop', dir: 'asc' })).toEqual(['a1', 'b2', 'b1']);
    expect(ids({ key: 'shop', dir: 'desc' })).toEqual(['b2', 'b1', 'a1']);
  });

  it('turns the direction round on a second click, and starts a new column in its natural direction', () => {
    expect(nextSort(DEFAULT_SORT, 'price')).toEqual({ key: 'price', dir: 'asc' });
    expect(nextSort({ key: 'price', dir: 'asc' }, 'price')).toEqual({ key: 'price', dir: 'desc' });
    expect(nextSort({ key: 'price', dir: 'asc' }, 'time')).toEqual({ key: 'time', dir: 'desc' });
  });
});
