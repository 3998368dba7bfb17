// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { setLocaleOverride } from '@/utils/i18n/locale';
import { CaptureFlaggedButton } from '@/components/panel/CaptureFlaggedButton';
import type { SearchSummaryView } from '@/utils/content/panel-view';

afterEach(() => {
  cleanup();
  setLocaleOverride(undefined);
});

const search: SearchSummaryView = {
  total: 4,
  unauthorized: 3,
  belowMin: 2,
  flagged: [
    { platform: 'taobao', itemId: '781234567890' },
    { platform: 'taobao', itemId: '790000000111' },
    { platform: 'taobao', itemId: '790000000222' },
  ],
};

describe('CaptureFlaggedButton', () => {
  it('counts the flagged results before any click and starts a run on click', () => {
    setLocaleOverride('en');
    const onStart = vi.fn();
    render(<CaptureFlaggedButton search={search} onStart={onStart} onControl={() => {}} />);
    const button = screen.getByTestId('capture-flagged-button');
    expect(button.dataset).toMatchObject({ captureState: 'idle', total: '3', done: '0' });
    expect(button.textContent).toBe('Capture all 3 flagged results');
    fireEvent.click(button);
    expect(onStart).toHaveBeenCalledOnce();
  });

  it('shows the run: progress, pause while running, resume while paused, in zh-CN', () => {
    setLocaleOverride('zh-CN');
    const onControl = vi.fn();
    const { rerender } = render(
      <CaptureFlaggedButton search={search} run={{ runId: 'r', state: 'running', done: 1, total: 3 }} onStart={() => {}} onControl={onControl} />,
    );
    const button = screen.getByTestId('capture-flagged-button') as HTMLButtonElement;
    expect(button.dataset).toMatchObject({ captureState: 'running', total: '3', done: '1' });
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('正在批量取证：1/3');
    fireEvent.click(screen.getByTestId('capture-flagged-pause'));
    expect(onControl).toHaveBeenLastCalledWith('pause');

    rerender(
      <CaptureFlaggedButton search={search} run={{ runId: 'r', state: 'paused', done: 1, total: 3, blocked: true }} onStart={() => {}} onControl={onControl} />,
    );
    expect(button.textContent).toContain('平台要求登录或验证');
    // a captcha pause ends when the listing is back, not by a click
    expect((screen.getByTestId('capture-flagged-resume') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('capture-flagged-cancel'));
    expect(onControl).toHaveBeenLastCalledWith('cancel');
  });

  it('counts and names only the ticked results when some are ticked', () => {
    setLocaleOverride('zh-CN');
    const picked = [search.flagged![0]!, search.flagged![2]!];
    const { rerender } = render(<CaptureFlaggedButton search={{ ...search, picked }} onStart={() => {}} onControl={() => {}} />);
    const button = screen.getByTestId('capture-flagged-button');
    expect(button.dataset.total).toBe('2');
    expect(button.textContent).toBe('取证勾选的 2 个结果');
    rerender(<CaptureFlaggedButton search={{ ...search, picked: [] }} onStart={() => {}} onControl={() => {}} />);
    expect(button.dataset.total).toBe('3');
    expect(button.textContent).toBe('批量取证全部 3 个异常结果');
  });

  it('says there is nothing to capture on a clean page, and names a failed start', () => {
    setLocaleOverride('en');
    render(<CaptureFlaggedButton search={{ ...search, flagged: [] }} error="a run of this page is still going" onStart={() => {}} onControl={() => {}} />);
    const button = screen.getByTestId('capture-flagged-button') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.dataset.total).toBe('0');
    expect(screen.getByText('Could not start: a run of this page is still going')).toBeTruthy();
  });
});
