// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ListingProofDatabase } from '@/utils/db/database';
import { setLocaleOverride } from '@/utils/i18n/locale';
import { saveList } from '@/utils/authorized/list-store';
import { makeList } from '@/utils/authorized/import-result';
import { fixtureFile, textFile } from '@/tests/helpers/authorized-files';
import { AuthorizedSection } from '@/components/authorized/AuthorizedSection';
import { ExportButtons } from '@/components/authorized/ExportButtons';
import { SyncSettings } from '@/components/authorized/SyncSettings';

afterEach(() => {
  cleanup();
  setLocaleOverride(undefined);
});

const freshDb = () => new ListingProofDatabase(`t-${crypto.randomUUID()}`);

function choose(files: File[]): void {
  const input = screen.getByTestId('authorized-import') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

const status = () => screen.getByTestId('authorized-status');

describe('AuthorizedSection', () => {
  it('shows 0/0 before any import, imports at once on choosing files, and keeps the counts after a reload', async () => {
    const db = freshDb();
    const changed = vi.fn();
    const view = render(<AuthorizedSection db={db} onListChanged={changed} />);
    expect(status().dataset).toMatchObject({ sellers: '0', products: '0' });
    expect(status().dataset.state).toBeUndefined();
    const input = screen.getByTestId('authorized-import') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('.json,.csv,.xlsx');

    choose([fixtureFile('sellers.csv'), fixtureFile('products.csv')]);
    await waitFor(() => expect(status().dataset.state).toBe('ok'));
    expect(status().dataset).toMatchObject({ sellers: '3', products: '2' });
    expect(changed).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('import-errors')).toBeNull();

    view.unmount();
    render(<AuthorizedSection db={db} />);
    await waitFor(() => expect(status().dataset).toMatchObject({ sellers: '3', products: '2' }));
  });

  it('a rejected import lists one child per problem with row and field, and leaves the counts', async () => {
    const db = freshDb();
    await saveList(makeList({ sellers: [{ platform: 'jd', shopId: '1', shopName: 'x', sellerId: '' }] }), { kind: 'file', names: ['a'] }, 'all', db);
    setLocaleOverride('zh-CN');
    render(<AuthorizedSection db={db} />);
    await waitFor(() => expect(status().dataset.sellers).toBe('1'));
    choose([fixtureFile('bad-dates.csv')]);
    await waitFor(() => expect(status().dataset.state).toBe('rejected'));
    expect(status().dataset).toMatchObject({ sellers: '1', products: '0' });
    const items = Array.from(screen.getByTestId('import-errors').children) as HTMLElement[];
    expect(items.map((li) => `${li.dataset.row}:${li.dataset.field}`)).toEqual(['2:validFrom', '3:validTo', '4:validFrom']);
    expect(items[0]!.textContent).toContain('日期“2026-02-30”无效');
  });

  it('renders file-derived text as text, never as markup', async () => {
    const db = freshDb();
    render(<AuthorizedSection db={db} />);
    choose([textFile('s.csv', 'platform,shopId\n<img src=x onerror=alert(1)>,1\n')]);
    await waitFor(() => expect(status().dataset.state).toBe('rejected'));
    const errors = screen.getByTestId('import-errors');
    expect(errors.querySelector('img')).toBeNull();
    expect(errors.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('browses the list in force through the table', async () => {
    const db = freshDb();
    await saveList(
      makeList({ sellers: [{ platform: 'tmall', shopId: '7', shopName: '<b>Shop</b>', sellerId: '' }] }),
      { kind: 'file', names: ['a'] },
      'all',
      db,
    );
    render(<AuthorizedSection db={db} />);
    await waitFor(() => expect(status().dataset.sellers).toBe('1'));
    fireEvent.click(screen.getByText('Browse list'));
    const row = await screen.findByTestId('authorized-row');
    expect(row.textContent).toContain('<b>Shop</b>');
    expect(row.querySelector('b')).toBeNull();
  });
});

describe('ExportButtons', () => {
  it('exports the list in force as JSON and as a CSV pair', async () => {
    const db = freshDb();
    await saveList(
      makeList({ brand: 'Acme', updatedAt: '2026-11-01T00:00:00Z', sellers: [{ platform: 'tmall', shopId: '1', shopName: '=cmd', sellerId: '' }] }),
      { kind: 'file', names: ['a'] },
      'all',
      db,
    );
    const save = vi.fn();
    render(<ExportButtons db={db} save={save} />);
    fireEvent.click(screen.getByTestId('authorized-export-json'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0]![0]).toBe('authorized-list-2026-11-01.json');
    expect(JSON.parse(save.mock.calls[0]![1] as string)).toMatchObject({ format: 'listingproof-authorized-list', brand: 'Acme' });
    fireEvent.click(screen.getByTestId('authorized-export-csv'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(3));
    expect(save.mock.calls[1]![1]).toContain("'=cmd");
  });
});

describe('SyncSettings', () => {
  it('is read-only with a note when an administrator set the URL', async () => {
    const onSyncNow = vi.fn(async () => undefined);
    render(<SyncSettings db={freshDb()} managedUrl="https://brand.example/list.json" onSyncNow={onSyncNow} />);
    const field = screen.getByTestId('authorized-sync-url') as HTMLInputElement;
    expect(field.disabled).toBe(true);
    expect(field.value).toBe('https://brand.example/list.json');
    expect(screen.getByText(/administrator/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('authorized-sync-now'));
    });
    expect(onSyncNow).toHaveBeenCalledWith('https://brand.example/list.json');
  });

  it('refuses a plain-http URL and shows the last result after a sync', async () => {
    const db = freshDb();
    const onSyncNow = vi.fn(async () => {
      await db.meta.put({
        key: 'authorizedSync',
        value: { url: 'https://b.example/l.json', lastAttemptAt: '2026-11-02T00:00:00Z', result: 'offline', message: 'down' },
      });
    });
    render(<SyncSettings db={db} onSyncNow={onSyncNow} />);
    expect(screen.getByTestId('authorized-sync-state').textContent).toBe('Never synced');
    fireEvent.change(screen.getByTestId('authorized-sync-url'), { target: { value: 'http://b.example/l.json' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('authorized-sync-now'));
    });
    expect(onSyncNow).not.toHaveBeenCalled();
    expect(screen.getByText(/https URL/)).toBeTruthy();
    fireEvent.change(screen.getByTestId('authorized-sync-url'), { target: { value: 'https://b.example/l.json' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('authorized-sync-now'));
    });
    await waitFor(() => expect(screen.getByTestId('authorized-sync-state').dataset.result).toBe('offline'));
    expect(screen.getByTestId('authorized-sync-state').textContent).toContain('could not reach the server');
  });
});
