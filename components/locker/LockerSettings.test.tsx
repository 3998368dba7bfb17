// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing';
import { setLocaleOverride } from '@/utils/i18n/locale';
import { LockerSettings } from '@/components/locker/LockerSettings';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  setLocaleOverride(undefined);
});

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const type = (id: string, value: string) => fireEvent.change(input(id), { target: { value } });

describe('LockerSettings', () => {
  it('is off with no endpoint, and refuses bad settings naming each field without saving anything', async () => {
    setLocaleOverride('en');
    render(<LockerSettings />);
    await waitFor(() => expect(screen.getByTestId('locker-status').dataset.state).toBe('off'));
    type('locker-endpoint', 'https://s3.example.com/bucket');
    type('locker-bucket', 'Bad_Bucket');
    type('locker-access-key', 'AK');
    type('locker-secret-key', 'SK');
    type('locker-retention-days', '0');
    fireEvent.click(screen.getByTestId('settings-save'));
    const problems = await screen.findAllByRole('listitem');
    expect(problems.map((p) => p.dataset.field)).toEqual(['endpoint', 'bucket', 'retentionDays']);
    expect(problems.map((p) => p.textContent)).toEqual([
      'Endpoint: only scheme, host and port (the bucket goes in its own field)',
      'Bucket: 3–63 lowercase letters, digits, dots or hyphens',
      'Retention: a whole number of days from 1 to 36500',
    ]);
    expect(await fakeBrowser.storage.local.get('lockerSettings')).toEqual({});
    expect(screen.getByTestId('locker-status').dataset.state).toBe('off');
  });

  it('words the problems in Chinese too', async () => {
    setLocaleOverride('zh-CN');
    render(<LockerSettings />);
    await screen.findByTestId('locker-endpoint');
    type('locker-endpoint', 'ftp://x');
    fireEvent.click(screen.getByTestId('settings-save'));
    expect((await screen.findAllByRole('listitem'))[0]!.textContent).toBe('端点：请填写 http:// 或 https:// 地址');
  });

  it('saves an empty endpoint as off', async () => {
    render(<LockerSettings />);
    await screen.findByTestId('locker-endpoint');
    type('locker-retention-days', '30');
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(async () =>
      expect((await fakeBrowser.storage.local.get('lockerSettings')).lockerSettings).toMatchObject({ endpoint: '', retentionDays: 30 }),
    );
    expect(screen.getByTestId('locker-status').dataset.state).toBe('off');
  });

  it('shows settings a company set in managed storage read-only, with no save button', async () => {
    await fakeBrowser.storage.managed.set({
      lockerEndpoint: 'https://rgw.corp.example:8443',
      lockerBucket: 'acme-evidence',
      lockerAccessKey: 'AK',
      lockerSecretKey: 'SK',
      lockerRetentionDays: 730,
    });
    render(<LockerSettings />);
    await waitFor(() => expect(input('locker-endpoint').value).toBe('https://rgw.corp.example:8443'));
    expect(input('locker-bucket').value).toBe('acme-evidence');
    expect(input('locker-retention-days').value).toBe('730');
    for (const id of ['locker-endpoint', 'locker-region', 'locker-bucket', 'locker-access-key', 'locker-secret-key', 'locker-retention-days'])
      expect(input(id).readOnly, id).toBe(true);
    expect(screen.queryByTestId('settings-save')).toBeNull();
  });

  it('leaves the save to the settings page when asked (one settings-save for every section)', async () => {
    let save: (() => Promise<boolean>) | undefined;
    render(<LockerSettings ownSaveButton={false} registerSave={(fn) => (save = fn)} />);
    await screen.findByTestId('locker-endpoint');
    expect(screen.queryByTestId('settings-save')).toBeNull();
    type('locker-bucket', 'x');
    type('locker-endpoint', 'http://127.0.0.1:1');
    expect(await save!()).toBe(false);
  });
});
