import type { Page } from 'playwright-core';

/** The runner's pace setting (seconds between listings), written from an extension page as the settings are. */
export async function setRunnerPace(extensionPage: Page, seconds: number): Promise<void> {
  await extensionPage.evaluate(async (s) => {
    type Local = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    const { settings } = (await local.get('settings')) as { settings?: object };
    await local.set({ settings: { ...settings, runnerPaceMinSeconds: s, runnerPaceMaxSeconds: s } });
  }, seconds);
}
