import { expect } from 'vitest';
import { panel, type ExtensionBrowser } from '@/tests/harness/browser';

/** Opens a listing page, waits for the panel, captures with one click and returns the evidence id. */
export async function captureListingPage(b: ExtensionBrowser, url: string): Promise<string> {
  const page = await b.context.newPage();
  await page.goto(url);
  await expect.poll(() => panel(page, 'evidence-panel').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
  await panel(page, 'capture-button').click();
  await expect.poll(() => panel(page, 'capture-button').getAttribute('data-capture-state'), { timeout: 60_000 }).toBe('done');
  const id = (await panel(page, 'capture-button').getAttribute('data-evidence-id')) ?? '';
  await page.close();
  return id;
}
