import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openDashboard, type ExtensionBrowser } from '@/tests/harness/browser';

/** Imports authorized-list files through the dashboard's real file input, as a user would. */
export async function importThroughDashboard(b: ExtensionBrowser, files: (URL | string)[], expectState: 'ok' | 'rejected' = 'ok', dash?: Page): Promise<Page> {
  const page = dash ?? (await openDashboard(b));
  await page.locator('[data-testid="authorized-import"]').setInputFiles(files.map((f) => (typeof f === 'string' ? f : fileURLToPath(f))));
  const status = page.locator(`[data-testid="authorized-status"][data-state="${expectState}"]`);
  try {
    await status.waitFor({ timeout: 20_000 });
  } catch {
    const errors = await page
      .locator('[data-testid="import-errors"]')
      .textContent()
      .catch(() => '');
    throw new Error(`import did not end as ${expectState}: ${errors}`);
  }
  return page;
}
