// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing';
import { setLocaleOverride } from '@/utils/i18n/locale';
import { saveSettings } from '@/utils/settings/settings';
import { DEFAULT_LETTER_TEMPLATES } from '@/utils/cases/warning-letter';
import { makeCapture } from '@/tests/helpers/make-capture';
import { WarningLetterPanel } from '@/components/cases/WarningLetterPanel';

const base = (await makeCapture({ pngBytes: 0 })).record;
const item = {
  case: { id: 'k', platform: 'tmall' as const, shopKey: '100200300', shopName: '<b>Acme</b>数码专营店', createdAt: '' },
  captures: [
    { ...base, id: 'c2', platform: 'tmall' as const, itemId: '222', capturedAt: '2026-12-02T10:00:00+08:00' },
    { ...base, id: 'c1', platform: 'tmall' as const, itemId: '111', capturedAt: '2026-12-01T10:00:00+08:00' },
  ],
};

let opened: Blob[] = [];
beforeEach(() => {
  fakeBrowser.reset();
  opened = [];
  URL.createObjectURL = vi.fn((blob: Blob) => (opened.push(blob), `blob:letter-${opened.length}`));
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  cleanup();
  setLocaleOverride(undefined);
  vi.restoreAllMocks();
});

describe('the warning letter panel', () => {
  it('starts from the default in the dashboard language and opens the filled letter as a page of its own', async () => {
    setLocaleOverride('zh-CN');
    await saveSettings({ investigator: '王调查', investigatorOrg: 'Acme 品牌保护部' });
    const open = vi.spyOn(window, 'open').mockReturnValue({} as Window);
    render(<WarningLetterPanel item={item} />);
    await waitFor(() => expect((screen.getByTestId('warning-letter-template') as HTMLTextAreaElement).value).toBe(DEFAULT_LETTER_TEMPLATES['zh-CN']));
    fireEvent.change(screen.getByTestId('warning-letter-deadline'), { target: { value: '2026-12-09T18:00' } });
    fireEvent.click(screen.getByTestId('case-warning-letter'));
    await waitFor(() => expect(open).toHaveBeenCalledWith('blob:letter-1', '_blank'));
    const html = await opened[0]!.text();
    const text = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-testid="warning-letter-text"]')!.textContent!;
    expect(text).toContain('致：天猫 店铺「<b>Acme</b>数码专营店」');
    expect(text).toContain('https://detail.tmall.com/item.htm?id=111\nhttps://detail.tmall.com/item.htm?id=222');
    expect(text).toContain('请贵方于 2026-12-09 18:00 前下架');
    expect(text).toContain('Acme 品牌保护部');
    expect(html).not.toContain('<b>Acme');
  });

  it('keeps an edited template in extension storage and names placeholders it does not know', async () => {
    setLocaleOverride('en');
    vi.spyOn(window, 'open').mockReturnValue({} as Window);
    render(<WarningLetterPanel item={item} />);
    const area = (await screen.findByTestId('warning-letter-template')) as HTMLTextAreaElement;
    await waitFor(() => expect(area.disabled).toBe(false));
    fireEvent.change(area, { target: { value: 'Dear {{owner}} of {{shop}} on {{platform}}' } });
    fireEvent.click(screen.getByTestId('warning-letter-save'));
    await waitFor(() => expect(screen.getByTestId('warning-letter-status').textContent).toBe('Template saved.'));
    expect(await fakeBrowser.storage.local.get('warningLetterTemplate')).toEqual({ warningLetterTemplate: 'Dear {{owner}} of {{shop}} on {{platform}}' });

    cleanup();
    render(<WarningLetterPanel item={item} />);
    await waitFor(() =>
      expect((screen.getByTestId('warning-letter-template') as HTMLTextAreaElement).value).toBe('Dear {{owner}} of {{shop}} on {{platform}}'),
    );
    fireEvent.click(screen.getByTestId('case-warning-letter'));
    await waitFor(() => expect(screen.getByTestId('warning-letter-status').textContent).toContain('Unknown placeholders left as they are: owner'));
    expect(await opened[0]!.text()).toContain('Dear {{owner}} of &lt;b&gt;Acme&lt;/b&gt;数码专营店 on Tmall');
  });
});
