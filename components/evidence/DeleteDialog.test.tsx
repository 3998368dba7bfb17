// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ListingProofDatabase } from '@/utils/db/database';
import { setLocaleOverride } from '@/utils/i18n/locale';
import { appendCustody } from '@/utils/evidence/custody';
import { listTombstones } from '@/utils/evidence/tombstones';
import { makeCapture } from '@/tests/helpers/make-capture';
import { DeleteDialog } from '@/components/evidence/DeleteDialog';
import { Tombstones } from '@/components/evidence/Tombstones';

afterEach(() => {
  cleanup();
  setLocaleOverride(undefined);
});

async function storedCapture() {
  const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
  const made = await makeCapture({ title: 'XR-200 耳机' });
  await db.captures.add(made.record);
  await db.artifactBlobs.bulkAdd(
    [...made.bytes].map(([path, bytes]) => ({
      id: `${made.record.id}/${path}`,
      captureId: made.record.id,
      data: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    })),
  );
  return { db, id: made.record.id };
}

const confirmButton = () => screen.getByTestId('delete-confirm') as HTMLButtonElement;

describe('DeleteDialog', () => {
  it('needs a reason and, for evidence never exported, the explicit confirmation; then deletes on the record', async () => {
    setLocaleOverride('zh-CN');
    const { db, id } = await storedCapture();
    const onDone = vi.fn();
    render(<DeleteDialog db={db} target={{ kind: 'capture', captureId: id }} actor="王调查" onDone={onDone} onCancel={() => {}} />);
    await screen.findByTestId('delete-confirm-unexported');
    expect(screen.getByText(/从未导出/)).toBeTruthy();
    expect(confirmButton().disabled).toBe(true);
    fireEvent.change(screen.getByTestId('delete-reason'), { target: { value: '重复取证' } });
    expect(confirmButton().disabled).toBe(true);
    fireEvent.click(screen.getByTestId('delete-confirm-unexported'));
    expect(confirmButton().disabled).toBe(false);
    fireEvent.click(confirmButton());
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(await db.captures.get(id)).toBeUndefined();
    const tombstones = await listTombstones(db);
    expect(tombstones.map((t) => [t.captureId, t.actor, t.reason])).toEqual([[id, '王调查', '重复取证']]);

    cleanup();
    setLocaleOverride('en');
    render(<Tombstones tombstones={tombstones} />);
    const row = screen.getByTestId('evidence-tombstone');
    expect(row.getAttribute('data-evidence-id')).toBe(id);
    expect(row.textContent).toMatch(/XR-200 耳机 .*deleted .* by 王调查: “重复取证”/);
  });

  it('asks no confirmation for exported evidence', async () => {
    setLocaleOverride('en');
    const { db, id } = await storedCapture();
    await appendCustody(db, { event: 'export', captureId: id, actor: 'Li', detail: 'package x.zip' });
    render(<DeleteDialog db={db} target={{ kind: 'capture', captureId: id }} actor="Li" onDone={() => {}} onCancel={() => {}} />);
    fireEvent.change(screen.getByTestId('delete-reason'), { target: { value: 'sent to the platform' } });
    await waitFor(() => expect(confirmButton().disabled).toBe(false));
    expect(screen.queryByTestId('delete-confirm-unexported')).toBeNull();
  });
});
