import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { ALL_ROUTES, DEMO_AUTHORIZED_LIST, PAGES } from '@/tests/harness/pages';
import { importThroughDashboard } from '@/tests/harness/import-list';
import { secondTaobaoListing } from '@/tests/harness/second-listing';

// `npm run screenshots`: the README's pictures of the case view and the popup, made from the demo
// pages and list (two listings of one Taobao shop, a warning recorded) in headless Chromium.

const OUT = resolve(import.meta.dirname, '../../.github/readme');

async function until(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().waitFor({ timeout: 20_000 });
}

/** One click on the panel's capture button, as the investigator does (the harness's helper needs vitest). */
async function capture(b: ExtensionBrowser, url: string): Promise<void> {
  const page = await b.context.newPage();
  await page.goto(url);
  await panel(page, 'evidence-panel').and(page.locator('[data-state="ready"]')).waitFor({ timeout: 20_000 });
  await panel(page, 'capture-button').click();
  await panel(page, 'capture-button').and(page.locator('[data-capture-state="done"]')).waitFor({ timeout: 60_000 });
  await page.close();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startFixtureServer([...ALL_ROUTES, secondTaobaoListing]);
  const b = await launchWithExtension(server.port, { grantScreenshotAccess: true });
  try {
    const setup = b.setupPage ?? (await openDashboard(b));
    await setup.locator('[data-testid="investigator-name"]').fill('演示调查员 Demo Investigator');
    await setup.locator('[data-testid="investigator-org"]').fill('Acme 品牌保护部 Brand Protection (demo)');
    // a loopback TSA needs no host permission (nobody is there to answer a prompt); none listens
    await setup.locator('[data-testid="tsa-urls"]').fill('http://127.0.0.1:9/tsa');
    await setup.locator('[data-testid="settings-save"]').click();
    await setup.locator('[data-testid="settings-status"][data-state="saved"]').waitFor({ timeout: 5000 });
    await setup.close();
    await importThroughDashboard(b, [DEMO_AUTHORIZED_LIST]);
    await capture(b, PAGES.taobaoItem.url);
    await capture(b, secondTaobaoListing.url);

    // the case view, after a warning was sent
    const dash = await openDashboard(b);
    await dash.setViewportSize({ width: 1100, height: 900 });
    await dash.goto(dash.url().replace(/#.*$/, '') + '#cases');
    await dash.locator('[data-testid="case-row"][data-shop-id="310987654"] [data-testid="case-open"]').click();
    await until(dash, '[data-testid="case-view"][data-state="ok"]');
    await dash.locator('[data-testid="case-view-status"]').selectOption('warned');
    await until(dash, '[data-testid="case-timeline-entry"][data-kind="status"]');
    await dash.evaluate(`document.querySelector('[data-testid="warning-letter-panel"]').open = false`);
    const caseView = join(OUT, 'case-view.png');
    await dash.locator('[data-testid="case-view"]').screenshot({ path: caseView });

    // the popup over a listing tab: the popup asks for the active tab of its window, so the
    // listing is brought to the front and the popup page (a tab sized like a popup) reloaded
    const listing = await b.context.newPage();
    await listing.goto(PAGES.taobaoItem.url);
    await panel(listing, 'evidence-panel').and(listing.locator('[data-state="ready"]')).waitFor({ timeout: 20_000 });
    const popup = await b.context.newPage();
    await popup.setViewportSize({ width: 284, height: 300 });
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await listing.bringToFront();
    await popup.reload();
    await until(popup, '[data-testid="popup-summary"][data-case-status="warned"]');
    const popupShot = join(OUT, 'popup.png');
    await popup.screenshot({ path: popupShot, fullPage: true });
    console.log(`Wrote ${caseView} and ${popupShot}`);
  } finally {
    await b.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
