// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { setLocaleOverride } from '@/utils/i18n/locale';
import { settingsSchema } from '@/utils/settings/settings';
import { RunnerPaceSetting } from '@/components/dashboard/RunnerPaceSetting';

afterEach(() => {
  cleanup();
  setLocaleOverride(undefined);
});

describe('RunnerPaceSetting', () => {
  it('shows the default 8–12 s and saves a new pace', () => {
    setLocaleOverride('en');
    const onChange = vi.fn(async () => {});
    render(<RunnerPaceSetting settings={settingsSchema.parse({})} onChange={onChange} />);
    expect((screen.getByTestId('runner-pace-min') as HTMLInputElement).value).toBe('8');
    expect((screen.getByTestId('runner-pace-max') as HTMLInputElement).value).toBe('12');
    fireEvent.change(screen.getByTestId('runner-pace-min'), { target: { value: '15' } });
    fireEvent.change(screen.getByTestId('runner-pace-max'), { target: { value: '20' } });
    fireEvent.click(screen.getByTestId('runner-pace-save'));
    expect(onChange).toHaveBeenCalledWith({ runnerPaceMinSeconds: 15, runnerPaceMaxSeconds: 20 });
  });

  it.each([
    ['20', '10'],
    ['-1', '5'],
    ['', '5'],
    ['2.5', '5'],
    ['5', '601'],
  ])('refuses %s–%s with a message (zh-CN) and saves nothing', (min, max) => {
    setLocaleOverride('zh-CN');
    const onChange = vi.fn(async () => {});
    render(<RunnerPaceSetting settings={settingsSchema.parse({})} onChange={onChange} />);
    fireEvent.change(screen.getByTestId('runner-pace-min'), { target: { value: min } });
    fireEvent.change(screen.getByTestId('runner-pace-max'), { target: { value: max } });
    fireEvent.click(screen.getByTestId('runner-pace-save'));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByTestId('runner-pace-error').textContent).toContain('未保存');
  });
});
