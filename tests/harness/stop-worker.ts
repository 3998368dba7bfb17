import type { ExtensionBrowser } from '@/tests/harness/browser';

/**
 * Stops the extension's service worker as Chromium does when it idles, from
 * chrome://serviceworker-internals (CDP's ServiceWorker.stopAllWorkers leaves extension workers
 * running, and runtime.reload would restart the whole extension). Resolves once the worker that
 * was running is gone: a mark left in its global scope is no longer there (an event may already
 * have started a fresh one, which Playwright reports as the same worker).
 */
export async function stopExtensionWorker(b: ExtensionBrowser): Promise<void> {
  const MARK = '__listingproofBeforeStop';
  await b.worker.evaluate((mark) => ((globalThis as Record<string, unknown>)[mark] = true), MARK);
  const page = await b.context.newPage();
  await page.goto('chrome://serviceworker-internals/');
  const registration = page.locator('.serviceworker-registration').filter({ hasText: `chrome-extension://${b.extensionId}/` });
  await registration.getByRole('button', { name: 'Stop', exact: true }).first().click({ timeout: 10_000 });
  const marked = () =>
    Promise.race([
      b.worker.evaluate((mark) => (globalThis as Record<string, unknown>)[mark] === true, MARK).catch(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000)),
    ]);
  const deadline = Date.now() + 10_000;
  while (await marked()) {
    if (Date.now() > deadline) throw new Error('the extension service worker did not stop');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await page.close();
}
