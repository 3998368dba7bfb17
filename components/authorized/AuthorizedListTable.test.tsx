// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { makeList } from '@/utils/authorized/import-result';
import type { AuthorizedSeller } from '@/utils/model/authorized-list';
import { AuthorizedListTable } from '@/components/authorized/AuthorizedListTable';
import { MAX_SCROLL_PX, virtualWindow } from '@/components/authorized/virtual-window';

afterEach(cleanup);

const sellers: AuthorizedSeller[] = Array.from({ length: 1_000_000 }, (_, i) => ({ platform: 'tmall', shopId: String(i), shopName: `店铺${i}`, sellerId: '' }));
const list = makeList({ sellers });

describe('virtualWindow', () => {
  it('draws only the rows in view, and reaches the last row past the browser height cap', () => {
    expect(virtualWindow(1_000_000, 28, 420, 0)).toMatchObject({ first: 0, last: 20, top: 0, spacer: MAX_SCROLL_PX });
    const end = virtualWindow(1_000_000, 28, 420, MAX_SCROLL_PX - 420);
    expect(end.last).toBe(1_000_000);
    expect(end.top + (1_000_000 - 1 - end.first) * 28 + 28).toBeCloseTo(MAX_SCROLL_PX, 5);
    expect(virtualWindow(10, 28, 420, 0)).toMatchObject({ first: 0, last: 10, spacer: 280 });
  });
});

describe('AuthorizedListTable', () => {
  it('renders a million sellers a screenful at a time and scrolls', () => {
    render(<AuthorizedListTable list={list} height={280} rowHeight={28} />);
    expect(screen.getByTestId('authorized-table').dataset.count).toBe('1000000');
    expect(screen.getAllByTestId('authorized-row').length).toBeLessThan(30);
    const box = screen.getByRole('table');
    fireEvent.scroll(box, { target: { scrollTop: MAX_SCROLL_PX - 280 } });
    expect(screen.getAllByTestId('authorized-row').at(-1)!.textContent).toContain('店铺999999');
  });

  it('searches with normalisation (full-width, spacing)', async () => {
    render(<AuthorizedListTable list={list} height={280} />);
    fireEvent.change(screen.getByTestId('authorized-search'), { target: { value: '店铺 99999９' } });
    await waitFor(() => expect(screen.getByTestId('authorized-table').dataset.count).toBe('1'));
    expect(screen.getByTestId('authorized-row').textContent).toContain('店铺999999');
  });

  it('switches to products', () => {
    const small = makeList({
      products: [{ code: 'XR', name: 'n', keywords: ['a', 'b'], excludeKeywords: [], itemIds: ['1'], minPrice: '1.00', minPriceFen: 100 }],
    });
    render(<AuthorizedListTable list={small} />);
    fireEvent.click(screen.getByRole('tab', { name: /Products/ }));
    expect(screen.getByTestId('authorized-row').textContent).toContain('a | b');
  });
});
