import { describe, expect, it } from 'vitest';
import { captureMhtml } from '@/utils/evidence/capture-mhtml';

const noSleep = async () => {};

describe('captureMhtml', () => {
  it('retries a failing first call', async () => {
    let calls = 0;
    const save = async () => {
      calls++;
      if (calls === 1) throw new Error('Failed to read the page');
      return new Blob(['MIME-Version: 1.0'], { type: 'multipart/related' });
    };
    const r = await captureMhtml(save, 7, { sleep: noSleep });
    expect(calls).toBe(2);
    expect(await r.blob!.text()).toBe('MIME-Version: 1.0');
    expect(r.warnings[0]).toMatch(/attempt 2 of 3/);
  });

  it('gives up after three attempts with a warning, not an error', async () => {
    let calls = 0;
    const r = await captureMhtml(async () => (calls++, undefined), 7, { sleep: noSleep });
    expect(calls).toBe(3);
    expect(r.blob).toBeUndefined();
    expect(r.warnings[0]).toMatch(/after 3 attempts/);
  });

  it('passes the tab id and warns where the API does not exist (Firefox)', async () => {
    let tab = 0;
    await captureMhtml(async ({ tabId }) => ((tab = tabId), new Blob(['x'])), 42, { sleep: noSleep });
    expect(tab).toBe(42);
    const r = await captureMhtml(undefined, 42);
    expect(r.blob).toBeUndefined();
    expect(r.warnings[0]).toMatch(/no pageCapture/);
  });
});
