import { describe, expect, it } from 'vitest';
import { browserFromUserAgent, collectExtensionEnvironment, collectPageEnvironment, combineEnvironment, osFromUserAgent } from '@/utils/evidence/environment';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const win = { innerWidth: 1280, innerHeight: 720, devicePixelRatio: 1.5 };

describe('page environment', () => {
  it('parses the UA string when there are no client hints', async () => {
    expect(browserFromUserAgent(FIREFOX)).toBe('Firefox 128.0');
    expect(osFromUserAgent(CHROME)).toBe('Windows NT 10.0');
    const env = await collectPageEnvironment({ userAgent: FIREFOX, language: 'zh-CN' }, win);
    expect(env).toMatchObject({ browser: 'Firefox 128.0', os: 'Linux', language: 'zh-CN', viewport: { width: 1280, height: 720, devicePixelRatio: 1.5 } });
    expect(env.timeZone).toBeTruthy();
  });

  it('prefers the full version from client hints', async () => {
    const env = await collectPageEnvironment(
      {
        userAgent: CHROME,
        language: 'en',
        userAgentData: {
          brands: [
            { brand: 'Not A(Brand', version: '8' },
            { brand: 'Chromium', version: '131' },
            { brand: 'Google Chrome', version: '131' },
          ],
          platform: 'Windows',
          getHighEntropyValues: async () => ({
            fullVersionList: [
              { brand: 'Chromium', version: '131.0.6778.86' },
              { brand: 'Google Chrome', version: '131.0.6778.86' },
            ],
            platformVersion: '15.0.0',
            platform: 'Windows',
          }),
        },
      },
      win,
    );
    expect(env.browser).toBe('Google Chrome 131.0.6778.86');
    expect(env.os).toBe('Windows 15.0.0');
  });
});

describe('extension environment', () => {
  const getManifest = () => ({ version: '0.1.0' });

  it('lists other enabled extensions when management is granted', async () => {
    const env = await collectExtensionEnvironment({
      getManifest,
      ownId: 'me',
      hasManagement: async () => true,
      getAllExtensions: async () => [
        { id: 'me', name: 'ListingProof', version: '0.1.0', enabled: true, type: 'extension' },
        { id: 'a', name: 'Ad blocker', version: '2', enabled: true, type: 'extension' },
        { id: 'b', name: 'Off', version: '1', enabled: false, type: 'extension' },
        { id: 't', name: 'Theme', version: '1', enabled: true, type: 'theme' },
      ],
    });
    expect(env).toEqual({ extensionVersion: '0.1.0', otherExtensions: [{ id: 'a', name: 'Ad blocker', version: '2', enabled: true }] });
  });

  it('leaves them out, without throwing, when not granted or failing', async () => {
    expect(await collectExtensionEnvironment({ getManifest, hasManagement: async () => false, getAllExtensions: async () => [] })).toEqual({
      extensionVersion: '0.1.0',
    });
    expect(
      await collectExtensionEnvironment({ getManifest, hasManagement: async () => true, getAllExtensions: () => Promise.reject(new Error('no')) }),
    ).toEqual({ extensionVersion: '0.1.0' });
    expect(await collectExtensionEnvironment({ getManifest })).toEqual({ extensionVersion: '0.1.0' });
  });

  it('combines both sides into the stored shape', async () => {
    const page = await collectPageEnvironment({ userAgent: FIREFOX, language: 'en' }, win);
    expect(combineEnvironment(page, { extensionVersion: '0.1.0' })).toMatchObject({ extensionVersion: '0.1.0', browser: 'Firefox 128.0' });
  });
});
