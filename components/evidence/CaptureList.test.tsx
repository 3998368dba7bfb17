// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CaptureRecord } from '@/utils/model/capture';
import type { CaseWithCaptures } from '@/utils/evidence/capture-queries';
import { DEFAULT_SORT, nextSort, type CaptureSort } from '@/utils/evidence/capture-order';
import { makeCapture } from '@/tests/helpers/make-capture';
import { CaptureList, ROWS_ALWAYS_IN_DOM } from '@/components/evidence/CaptureList';

const base = (await makeCapture({ pngBytes: 0 })).record;

function manyCaptures(n: number): CaseWithCaptures[] {
  const captures: CaptureRecord[] = Array.from({ length: n }, (_, i) => ({
    ...base,
    id: `cap-${String(i).padStart(5, '0')}`,
    capturedAt: new Date(Date.UTC(2026, 11, 1) - i * 60_000).toISOString(),
    price: { lowest: (100 + (i % 97)).toFixed(2), currency: 'CNY' },
  }));
  return [{ case: { id: 'k', platform: 'taobao', shopKey: 'k', shopName: '店', createdAt: '' }, captures }];
}

function List({ cases }: { cases: CaseWithCaptures[] }) {
  const [sort, setSort] = useState<CaptureSort>(DEFAULT_SORT);
  return (
    <CaptureList
      cases={cases}
      listKey=""
      sort={sort}
      onSort={(k) => setSort((s) => nextSort(s, k))}
      selected={new Set()}
      onSelect={() => {}}
      timestamps={new Map()}
      actor=""
      onDelete={() => {}}
    />
  );
}

const rowIds = () => screen.getAllByTestId('evidence-row').map((r) => r.dataset.evidenceId!);
// jsdom on a busy machine: the chunks after the first screenful can take seconds here
const headComplete = () => waitFor(() => expect(screen.getByTestId('capture-list-head').dataset.complete).toBe('true'), { timeout: 15_000 });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the captures list past 500 rows', () => {
  it('keeps the first 500 captures in the DOM and draws only a screenful of the rest, following the scroll', async () => {
    render(<List cases={manyCaptures(3000)} />);
    // a screenful first, the rest of the first 500 right after
    expect(rowIds().length).toBeLessThan(100);
    await headComplete();
    await waitFor(() => expect(rowIds().length).toBeGreaterThan(ROWS_ALWAYS_IN_DOM), { timeout: 5000 });
    const ids = rowIds();
    expect(ids.slice(0, ROWS_ALWAYS_IN_DOM)).toEqual(Array.from({ length: ROWS_ALWAYS_IN_DOM }, (_, i) => `cap-${String(i).padStart(5, '0')}`));
    expect(ids.length).toBeLessThan(ROWS_ALWAYS_IN_DOM + 100);
    const tail = screen.getByTestId('capture-list-tail');
    // the bottom spacer stands in for the rows not drawn
    expect(Number.parseFloat((tail.querySelector('[data-spacer="bottom"]') as HTMLElement).style.height)).toBeGreaterThan(2000 * 40);

    // scrolled 1,000 rows (56 px each, the starting estimate) into the tail
    vi.spyOn(tail, 'getBoundingClientRect').mockReturnValue({ top: -56_000 } as DOMRect);
    await act(async () => {
      fireEvent.scroll(window);
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    });
    const after = rowIds();
    expect(after.slice(0, ROWS_ALWAYS_IN_DOM)).toEqual(ids.slice(0, ROWS_ALWAYS_IN_DOM));
    const tailIds = after.slice(ROWS_ALWAYS_IN_DOM);
    expect(tailIds).toContain(`cap-0${ROWS_ALWAYS_IN_DOM + 1000 + 5}`);
    expect(tailIds).not.toContain(`cap-00${ROWS_ALWAYS_IN_DOM + 5}`);
    expect(Number(tail.dataset.first)).toBeGreaterThan(ROWS_ALWAYS_IN_DOM + 900);
  });

  it('sorts by price from the column header, the first 500 rows following the new order', async () => {
    render(<List cases={manyCaptures(800)} />);
    fireEvent.click(screen.getAllByTestId('capture-sort').find((b) => b.dataset.sortKey === 'price')!);
    await headComplete();
    expect(screen.getAllByTestId('evidence-row').length).toBeGreaterThanOrEqual(ROWS_ALWAYS_IN_DOM);
    const prices = screen
      .getAllByTestId('evidence-row')
      .slice(0, ROWS_ALWAYS_IN_DOM)
      .map((r) => Number(r.querySelector('td:nth-child(3)')!.textContent!.slice(1)));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(prices[0]).toBe(100);
    expect(screen.queryByTestId('case')).toBeNull(); // flat, no case rows
  });

  it('keeps every row it has when the same list is read again (a capture stamped elsewhere), and starts again from a screenful on a new order', async () => {
    const cases = manyCaptures(800);
    const { rerender } = render(<List cases={cases} />);
    await headComplete();
    const reread = cases.map((c) => ({ case: { ...c.case }, captures: c.captures.map((x) => ({ ...x })) }));
    rerender(<List cases={reread} />);
    expect(screen.getAllByTestId('evidence-row').length).toBeGreaterThanOrEqual(ROWS_ALWAYS_IN_DOM);
    fireEvent.click(screen.getAllByTestId('capture-sort').find((b) => b.dataset.sortKey === 'time')!);
    expect(screen.getAllByTestId('evidence-row').length).toBeLessThan(100);
    await headComplete();
  });
});
