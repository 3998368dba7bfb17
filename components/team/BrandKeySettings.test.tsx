// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { setLocaleOverride } from '@/utils/i18n/locale';
import { BrandKeySettings } from '@/components/team/BrandKeySettings';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  setLocaleOverride(undefined);
});

const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const keyId = createHash('sha256')
  .update(publicKey.export({ type: 'spki', format: 'der' }))
  .digest('hex');

/** Renders the section and returns its save function, as the settings page's one button calls it. */
async function renderWithSave(): Promise<() => Promise<boolean>> {
  let save: (() => Promise<boolean>) | undefined;
  render(<BrandKeySettings registerSave={(s) => (save = s)} />);
  await screen.findByTestId('brand-public-key');
  return () => save!();
}

describe('BrandKeySettings', () => {
  it('pins a PEM key and shows its fingerprint', async () => {
    const save = await renderWithSave();
    expect(screen.getByTestId('brand-key-fingerprint').dataset.value).toBe('');
    fireEvent.change(screen.getByTestId('brand-public-key'), { target: { value: pem } });
    expect(await save()).toBe(true);
    await waitFor(() => expect(screen.getByTestId('brand-key-fingerprint').dataset.value).toBe(keyId));
    expect((await fakeBrowser.storage.local.get('brandPublicKey')).brandPublicKey).toBe(pem.trim());
  });

  it('refuses text that is not a P-256 public key, naming the problem in both languages, and saves nothing', async () => {
    setLocaleOverride('zh-CN');
    const save = await renderWithSave();
    fireEvent.change(screen.getByTestId('brand-public-key'), { target: { value: 'not a key!' } });
    expect(await save()).toBe(false);
    expect((await screen.findByTestId('brand-key-problem')).textContent).toBe('品牌公钥：不是 PEM 公钥或 base64 文本');
    setLocaleOverride('en');
    fireEvent.change(screen.getByTestId('brand-public-key'), { target: { value: 'AAAA' } });
    expect(await save()).toBe(false);
    await waitFor(() => expect(screen.getByTestId('brand-key-problem').dataset.problem).toBe('not-p256'));
    expect(await fakeBrowser.storage.local.get('brandPublicKey')).toEqual({});
  });

  it('shows a key set in managed storage read-only, and does not save over it', async () => {
    await fakeBrowser.storage.managed.set({ brandPublicKey: pem });
    const save = await renderWithSave();
    const box = screen.getByTestId('brand-public-key') as HTMLTextAreaElement;
    expect(box.readOnly).toBe(true);
    expect(box.value).toBe(pem);
    await waitFor(() => expect(screen.getByTestId('brand-key-fingerprint').dataset.value).toBe(keyId));
    expect(await save()).toBe(true);
    expect(await fakeBrowser.storage.local.get('brandPublicKey')).toEqual({});
  });
});
