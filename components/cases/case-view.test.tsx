// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { setLocaleOverride } from '@/utils/i18n/locale';
import type { CaptureRecord } from '@/utils/model/capture';
import { caseTimeline } from '@/utils/cases/case-timeline';
import { priceChartData } from '@/utils/cases/price-series';
import { makeCapture } from '@/tests/helpers/make-capture';
import { CaseTimeline } from '@/components/cases/CaseTimeline';
import { chartScales, PriceChart } from '@/components/cases/PriceChart';
import { timeLabel, timeTicks } from '@/utils/cases/chart-scale';

const base: CaptureRecord = (await makeCapture({ pngBytes: 0 })).record;
afterEach(() => {
  cleanup();
  setLocaleOverride(undefined);
});

const capture = (id: string, itemId: string, capturedAt: string, lowest: string, minPrice = '269.00'): CaptureRecord => ({
  ...base,
  id,
  itemId,
  capturedAt,
  price: { lowest, currency: 'CNY' },
  verdict: { ...base.verdict, minPrice, productCode: 'XR-200' },
});

describe('the case timeline', () => {
  it('merges captures and status changes by instant, across time zone offsets, oldest first', () => {
    setLocaleOverride('en');
    const captures = [
      capture('c3', '2', '2026-12-03T09:00:00+08:00', '199.00'), // 01:00Z
      capture('c1', '1', '2026-12-01T10:00:00+08:00', '209.00'), // 02:00Z on the 1st
      capture('c2', '1', '2026-12-02T01:30:00Z', '199.00'),
    ];
    const history = [
      { status: 'warned' as const, at: '2026-12-01T03:00:00.000Z' },
      { status: 'complained' as const, at: '2026-12-02T12:00:00.000Z', complaintNo: 'IPP-7' },
    ];
    render(<CaseTimeline entries={caseTimeline({ statusHistory: history }, captures, new Set(['c3']))} />);
    const entries = screen.getAllByTestId('case-timeline-entry');
    expect(entries.map((e) => `${e.dataset.kind}:${e.dataset.captureId ?? e.dataset.status}`)).toEqual([
      'capture:c1',
      'status:warned',
      'capture:c2',
      'status:complained',
      'takedown:c3',
    ]);
    expect(entries[3]!.textContent).toContain('warned → complained');
    expect(entries[3]!.textContent).toContain('IPP-7');
  });
});

describe('the price chart', () => {
  const captures = [
    capture('a1', '111', '2026-12-01T10:00:00+08:00', '299.00'),
    capture('a2', '111', '2026-12-03T10:00:00+08:00', '199.00'),
    capture('b1', '222', '2026-12-02T10:00:00+08:00', '249.00'),
  ];

  it('draws one series per item id with a point per capture, and the minimum price as a line at its price', () => {
    const data = priceChartData(captures);
    render(<PriceChart data={data} />);
    const svg = screen.getByTestId('case-price-chart');
    const series = svg.querySelectorAll('[data-testid="price-series"]');
    expect([...series].map((s) => `${s.getAttribute('data-item-id')}:${s.querySelectorAll('[data-testid="price-point"]').length}`)).toEqual(['111:2', '222:1']);

    const { x, y } = chartScales(data);
    const line = svg.querySelector('[data-testid="min-price-line"]')!;
    expect(line.getAttribute('data-min-price')).toBe('269');
    const d = line.querySelector('path')!.getAttribute('d')!;
    const [, x0, y0, x1] = /^M([\d.]+),([\d.]+) H([\d.]+)$/.exec(d)!.map(Number);
    expect(y0).toBeCloseTo(y(269), 1);
    expect(x1! - x0!).toBeGreaterThan(500); // across the whole plot
    // a price below the minimum sits lower on the page than the line, one above it higher
    const cy = (id: string) => Number(svg.querySelector(`[data-capture-id="${id}"]`)!.getAttribute('cy'));
    expect(cy('a2')).toBeGreaterThan(y0!);
    expect(cy('a1')).toBeLessThan(y0!);
    // points in time order from left to right
    const cx = (id: string) => Number(svg.querySelector(`[data-capture-id="${id}"]`)!.getAttribute('cx'));
    expect(cx('a1')).toBeLessThan(cx('b1'));
    expect(cx('b1')).toBeLessThan(cx('a2'));
    expect(cx('a1')).toBeCloseTo(x(Date.parse('2026-12-01T10:00:00+08:00')), 5);
    // axes: yuan labels and dates
    expect(svg.querySelector('[data-axis="y"]')!.textContent).toMatch(/¥\d+/);
    expect(svg.querySelector('[data-axis="x"]')!.textContent).toMatch(/12-0\d/);
  });

  it('steps the minimum when a later list changed it', () => {
    const data = priceChartData([...captures, capture('a3', '111', '2026-12-04T10:00:00+08:00', '199.00', '239.00')]);
    expect(data.minPrices).toEqual([
      {
        productCode: 'XR-200',
        points: [
          { t: Date.parse('2026-12-01T10:00:00+08:00'), price: 269 },
          { t: Date.parse('2026-12-04T10:00:00+08:00'), price: 239 },
        ],
      },
    ]);
    render(<PriceChart data={data} />);
    const { y } = chartScales(data);
    const d = screen.getByTestId('min-price-line').querySelector('path')!.getAttribute('d')!;
    expect(d).toMatch(new RegExp(`V${y(239).toFixed(2)} H`));
  });

  it('says so when there is no price to plot', () => {
    setLocaleOverride('zh-CN');
    render(<PriceChart data={priceChartData([capture('x', '1', '2026-12-01T10:00:00+08:00', '', '')])} />);
    expect(screen.queryByTestId('case-price-chart')).toBeNull();
    expect(screen.getByText('尚未取得价格。')).toBeTruthy();
  });
});

describe('the time axis', () => {
  it('labels captures seconds apart by the second and weeks apart by the day, each label once', () => {
    const t0 = Date.parse('2026-12-05T01:10:03Z');
    const close = timeTicks(t0, t0 + 20_000, 5);
    expect(close.step).toBe(5000);
    const closeLabels = close.ticks.map((t) => timeLabel(t, close.step));
    expect(new Set(closeLabels).size).toBe(closeLabels.length);
    expect(closeLabels[0]).toMatch(/^\d\d:\d\d:\d\d$/);
    const far = timeTicks(t0, t0 + 30 * 86_400_000, 5);
    expect(far.step).toBe(7 * 86_400_000);
    expect(far.ticks.every((t) => t >= t0 && t <= t0 + 30 * 86_400_000)).toBe(true);
    expect(far.ticks.map((t) => timeLabel(t, far.step))[0]).toMatch(/^\d\d-\d\d$/);
    // day ticks fall on local midnight
    expect(far.ticks.every((t) => new Date(t).getHours() === 0 && new Date(t).getMinutes() === 0)).toBe(true);
  });
});
