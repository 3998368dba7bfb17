import { describe, expect, it } from 'vitest';
import { filterCases, NO_FILTER, type CaptureFilter } from '@/utils/evidence/capture-filter';
import type { CaseWithCaptures } from '@/utils/evidence/capture-queries';
import type { CaptureRecord, CaseRecord } from '@/utils/model/capture';

const capture = (id: string, over: Partial<CaptureRecord>): CaptureRecord =>
  ({
    id,
    title: 'Acme XR-200 耳机',
    itemId: '1',
    shop: { name: 'x', id: '', sellerId: '' },
    verdict: { seller: 'authorized', price: 'ok' },
    capturedAt: '2026-12-01T10:00:00.000+08:00',
    ...over,
  }) as CaptureRecord;
const kase = (id: string, over: Partial<CaseRecord>, captures: CaptureRecord[]): CaseWithCaptures => ({
  case: { id, platform: 'taobao', shopKey: id, shopName: id, createdAt: '2026-12-01T00:00:00Z', ...over },
  captures,
});

const cases = [
  kase('极光数码专营店', { status: 'complained' }, [
    capture('a', { verdict: { seller: 'unauthorized', price: 'below-min' }, itemId: '781234567890', capturedAt: '2026-12-03T23:59:00.000+08:00' }),
    capture('b', { verdict: { seller: 'unauthorized', price: 'ok' }, capturedAt: '2026-11-20T09:00:00.000+08:00' }),
  ]),
  kase('Acme官方旗舰店', { platform: 'tmall' }, [capture('c', {})]),
  kase('京东小店', { platform: 'jd', status: 'closed' }, [capture('d', { verdict: { seller: 'expired', price: 'ok' }, title: 'Sony 耳机' })]),
];
const ids = (f: Partial<CaptureFilter>) => filterCases(cases, { ...NO_FILTER, ...f }).flatMap((c) => c.captures.map((x) => x.id));

describe('capture filter', () => {
  it('shows everything without a filter', () => expect(ids({})).toEqual(['a', 'b', 'c', 'd']));
  it('finds by shop name, title or item id, normalised', () => {
    expect(ids({ text: '极光 数码' })).toEqual(['a', 'b']);
    expect(ids({ text: 'sony' })).toEqual(['d']);
    expect(ids({ text: '781234567890' })).toEqual(['a']);
  });
  it('filters by platform, finding and case status', () => {
    expect(ids({ platform: 'tmall' })).toEqual(['c']);
    expect(ids({ finding: 'below-min' })).toEqual(['a']);
    expect(ids({ finding: 'any-finding' })).toEqual(['a', 'b', 'd']);
    expect(ids({ finding: 'no-finding' })).toEqual(['c']);
    expect(ids({ caseStatus: 'found' })).toEqual(['c']);
    expect(ids({ caseStatus: 'closed', finding: 'expired' })).toEqual(['d']);
  });
  it('keeps captures within the date range, by the day the capture time shows', () => {
    expect(ids({ from: '2026-12-02', to: '2026-12-03' })).toEqual(['a']);
    expect(ids({ to: '2026-11-30' })).toEqual(['b']);
  });
  it('drops cases with no capture left', () => expect(filterCases(cases, { ...NO_FILTER, platform: 'pdd' })).toEqual([]));
});
