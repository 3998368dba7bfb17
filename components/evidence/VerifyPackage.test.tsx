// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setLocaleOverride } from '@/utils/i18n/locale';
import { VerifyPackage } from '@/components/evidence/VerifyPackage';
import { makePackage } from '@/tests/helpers/make-package';
import { bytesOf, rezip } from '@/tests/helpers/rezip';

afterEach(() => {
  cleanup();
  setLocaleOverride(undefined);
});

function choose(bytes: Uint8Array, name = 'package.zip'): void {
  const input = screen.getByTestId('verify-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([bytes as Uint8Array<ArrayBuffer>], name)], configurable: true });
  fireEvent.change(input);
}

const result = () => screen.getByTestId('verify-result');

describe('VerifyPackage', () => {
  it('shows every file with ✓ for an intact package', async () => {
    setLocaleOverride('en');
    const { bytes, result: built } = await makePackage([{}]);
    render(<VerifyPackage />);
    choose(bytes);
    await waitFor(() => expect(result().dataset.status).toBe('intact'));
    const files = screen.getAllByTestId('verify-file');
    expect(files).toHaveLength(built.manifest.files.length + 2);
    expect(files.every((f) => f.dataset.ok === 'true' && f.textContent?.startsWith('✓'))).toBe(true);
    expect(result().textContent).toContain('Intact');
    expect(screen.queryByTestId('verify-problems')).toBeNull();
  });

  it('lists problems by file and marks the changed file ✗, in Chinese', async () => {
    setLocaleOverride('zh-CN');
    const { bytes, made } = await makePackage([{}]);
    const path = `captures/${made[0]!.record.id}/listing.json`;
    render(<VerifyPackage />);
    choose(await rezip(bytes, (f) => void f.set(path, bytesOf('{}'))));
    await waitFor(() => expect(result().dataset.status).toBe('tampered'));
    expect(result().textContent).toContain('不完好');
    const bad = screen.getAllByTestId('verify-file').find((f) => f.dataset.path === path);
    expect(bad?.dataset.ok).toBe('false');
    expect(bad?.textContent).toContain('✗');
    const problem = screen.getByTestId('verify-problems').querySelector(`li[data-path="${path}"]`);
    expect(problem?.textContent).toContain('SHA-256 is');
  });

  it('says when a file is not a package, and accepts a dropped file', async () => {
    setLocaleOverride('en');
    render(<VerifyPackage />);
    fireEvent.drop(screen.getByTestId('verify-section'), { dataTransfer: { files: [new File(['hello'], 'notes.txt')] } });
    await waitFor(() => expect(result().dataset.status).toBe('unreadable'));
    expect(result().textContent).toContain('Not a readable evidence package');
  });
});
