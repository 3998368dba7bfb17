import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { AuthorizedList, AuthorizedProduct, AuthorizedSeller, ListHalf } from '@/utils/model/authorized-list';
import { normalise } from '@/utils/authorized/normalise';
import { translate } from '@/utils/i18n/locale';
import { am } from '@/components/authorized/authorized-messages';
import { virtualWindow } from '@/components/authorized/virtual-window';

// The list in force, searchable, drawn a screenful at a time so a million sellers stay fluid.

const sellerCells = (s: AuthorizedSeller) => [s.platform, s.shopId, s.shopName, s.sellerId, [s.validFrom, s.validTo].filter(Boolean).join(' – ')];
const productCells = (p: AuthorizedProduct) => [p.code, p.name, p.keywords.join(' | '), p.itemIds.join(' | '), p.minPrice];

export interface AuthorizedListTableProps {
  list: AuthorizedList;
  height?: number;
  rowHeight?: number;
}

export function AuthorizedListTable({ list, height = 420, rowHeight = 28 }: AuthorizedListTableProps) {
  const [kind, setKind] = useState<ListHalf>('sellers');
  const [query, setQuery] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const toTop = () => {
    setScrollTop(0);
    if (box.current) box.current.scrollTop = 0;
  };
  const deferred = normalise(useDeferredValue(query));
  const searching = deferred !== '';

  // Normalised search text per row, built once per list and half, and only when a search starts.
  const keys = useMemo(() => {
    if (!searching) return undefined;
    const rows: unknown[] = kind === 'sellers' ? list.sellers : list.products;
    return rows.map((r) => normalise((kind === 'sellers' ? sellerCells(r as AuthorizedSeller) : productCells(r as AuthorizedProduct)).join('\u0001')));
  }, [list, kind, searching]);

  const matches = useMemo(() => {
    if (!keys) return undefined;
    const out: number[] = [];
    for (let i = 0; i < keys.length; i++) if (keys[i]!.includes(deferred)) out.push(i);
    return out;
  }, [keys, deferred]);

  const total = kind === 'sellers' ? list.sellers.length : list.products.length;
  const count = matches ? matches.length : total;
  const win = virtualWindow(count, rowHeight, height, scrollTop);
  const rows = [];
  for (let i = win.first; i < win.last; i++) {
    const at = matches ? matches[i]! : i;
    const cells = kind === 'sellers' ? sellerCells(list.sellers[at]!) : productCells(list.products[at]!);
    rows.push(
      <div
        key={at}
        data-testid="authorized-row"
        role="row"
        style={{
          position: 'absolute',
          top: win.top + (i - win.first) * rowHeight,
          height: rowHeight,
          left: 0,
          right: 0,
          display: 'flex',
          gap: 8,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
        }}
      >
        {cells.map((c, ci) => (
          <span key={ci} role="cell" style={{ flex: ci === 2 || (kind === 'products' && ci === 1) ? 3 : 1, overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {c}
          </span>
        ))}
      </div>,
    );
  }

  const choose = (k: ListHalf) => {
    setKind(k);
    toTop();
  };
  return (
    <div data-testid="authorized-table" data-kind={kind} data-count={count}>
      <div role="tablist">
        {(['sellers', 'products'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={kind === k} onClick={() => choose(k)}>
            {translate(am, k)} ({k === 'sellers' ? list.sellers.length : list.products.length})
          </button>
        ))}
        <input
          type="search"
          data-testid="authorized-search"
          aria-label={translate(am, 'search')}
          placeholder={translate(am, 'search')}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            toTop();
          }}
        />
        <span> {translate(am, 'matches', { count })}</span>
      </div>
      <div ref={box} role="table" style={{ height, overflowY: 'auto', position: 'relative' }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div style={{ height: win.spacer, position: 'relative' }}>{rows}</div>
      </div>
    </div>
  );
}
