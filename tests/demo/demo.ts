import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { ALL_ROUTES, DEMO_AUTHORIZED_LIST, PAGES, type DemoPage } from '@/tests/harness/pages';
import { importThroughDashboard } from '@/tests/harness/import-list';
import { verifyPackage } from '@/utils/export/verify-package';
import { startTsa, type TestTsa } from '@/tests/harness/tsa-server';

// `npm run demo`: the extension on the bundled demo pages, served at their real marketplace URLs.
// With a display it opens Chromium and leaves it to you; headless (or with --headless) it visits
// every page, prints what the panel shows, captures evidence and writes a verified package.
// A throwaway RFC 3161 TSA (openssl on 127.0.0.1) stamps the captures when openssl is there;
// without it the captures stay pending and the package still verifies (with warnings).

const OUT = resolve(import.meta.dirname, '../../demo-output');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

async function waitSettled(page: Page, p: DemoPage): Promise<void> {
  const state = panel(page, 'evidence-panel');
  await state.waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForFunction(
    () => document.querySelector('listingproof-panel')?.shadowRoot?.querySelector('[data-testid="evidence-panel"]')?.getAttribute('data-state') !== 'loading',
    undefined,
    { timeout: 15_000 },
  );
  // Late prices (JD's price API, Taobao's promo) arrive after load: give them their time.
  if (p.listing?.price)
    await panel(page, 'listing-price')
      .and(page.locator(`[data-value="${p.listing.price}"]`))
      .waitFor({ timeout: 8000 })
      .catch(() => {});
  if (p.search) await page.waitForTimeout(2000);
}

async function describePage(page: Page, p: DemoPage): Promise<string[]> {
  const attr = async (id: string, name = 'data-value') =>
    (await panel(page, id)
      .getAttribute(name, { timeout: 500 })
      .catch(() => null)) ?? '';
  const state = await attr('evidence-panel', 'data-state');
  if (p.search) {
    const s = panel(page, 'search-summary');
    const badges = await page.locator('[data-testid="result-badge"]').count();
    return [
      p.name,
      state,
      `${await s.getAttribute('data-total')} results, ${badges} badges`,
      `${await s.getAttribute('data-unauthorized')} not authorized`,
      `${await s.getAttribute('data-below-min')} below min.`,
    ];
  }
  if (state !== 'ready') return [p.name, state];
  return [
    p.name,
    state,
    `${await attr('listing-platform')} ${await attr('listing-item-id')}`,
    `${(await attr('listing-shop-name')).slice(0, 24)} (${(await attr('listing-shop-id')) || 'no shop id'})`,
    `¥${(await attr('listing-price')) || '?'}`,
    `seller ${await attr('listing-verdict', 'data-seller')}, price ${await attr('listing-verdict', 'data-price')}`,
  ];
}

async function captureOn(page: Page): Promise<string | undefined> {
  await panel(page, 'capture-button').click();
  await page.waitForFunction(
    () =>
      /done|failed/.test(
        document.querySelector('listingproof-panel')?.shadowRoot?.querySelector('[data-testid="capture-button"]')?.getAttribute('data-capture-state') ?? '',
      ),
    undefined,
    { timeout: 60_000 },
  );
  return (await panel(page, 'capture-button').getAttribute('data-evidence-id')) ?? undefined;
}

/** The first-run setup, as a user fills it in: investigator, organisation and the demo's TSA. */
async function setUp(b: ExtensionBrowser, tsa: TestTsa | undefined): Promise<void> {
  const setup = b.setupPage ?? (await openDashboard(b));
  await setup.locator('[data-testid="investigator-name"]').fill('演示调查员 Demo Investigator');
  await setup.locator('[data-testid="investigator-org"]').fill('Acme 品牌保护部 Brand Protection (demo)');
  if (tsa) await setup.locator('[data-testid="tsa-urls"]').fill(tsa.url);
  await setup.locator('[data-testid="settings-save"]').click();
  await setup.locator('[data-testid="settings-status"][data-state="saved"]').waitFor({ timeout: 5000 });
  const key = await setup.locator('[data-testid="key-fingerprint"]').getAttribute('data-value');
  console.log(
    `Investigator key fingerprint: ${key}${tsa ? `; timestamps from the demo TSA ${tsa.url}` : '; no openssl, so no demo TSA: captures stay pending'}\n`,
  );
  await setup.close();
}

async function exportAndVerify(b: ExtensionBrowser, tsa: TestTsa | undefined): Promise<void> {
  const dash = await openDashboard(b);
  // Tokens are asked for right after each capture is stored; give the last ones a moment.
  if (tsa)
    await dash
      .waitForFunction(() => !document.querySelector('[data-testid="evidence-row"][data-timestamp="pending"]'), undefined, { timeout: 20_000 })
      .catch(() => {});
  const [download] = await Promise.all([dash.waitForEvent('download'), dash.locator('[data-testid="export-button"]').click()]);
  const file = join(OUT, download.suggestedFilename());
  await download.saveAs(file);
  const result = await verifyPackage(new Uint8Array(readFileSync(file)), { trustedRoots: tsa ? [tsa.caDer] : [] });
  console.log(`\nEvidence package: ${file}`);
  for (const c of result.trust?.captures ?? [])
    console.log(`  ${c.id}: ${c.trustedTime ? `trusted time ${c.trustedTime} (${c.tsa ?? '?'})` : `timestamp ${c.token}`}`);
  if (result.warnings?.length) console.log(`Warnings: ${result.warnings.map((w) => `${w.path}: ${w.message}`).join('; ')}`);
  console.log(
    `Verification: ${result.status} (${result.files.length} files checked${result.problems.length ? `, problems: ${result.problems.map((x) => `${x.path}: ${x.message}`).join('; ')}` : ''})`,
  );
  console.log(`Check it yourself: npm run verify -- ${file}${tsa ? ' --trust <the demo TSA root, deleted on exit>' : ''}`);
  if (result.status !== 'intact') process.exitCode = 1;
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const server = await startFixtureServer(ALL_ROUTES);
  const tsa = await startTsa().catch(() => undefined);
  // The demo user has allowed browser screenshots (the dashboard's optional permission).
  const b = await launchWithExtension(server.port, { headless, grantScreenshotAccess: true });
  try {
    await setUp(b, tsa);
    await importThroughDashboard(b, [DEMO_AUTHORIZED_LIST]);
    console.log('Imported the demo authorized list (brand Acme: 4 sellers, 2 products).\n');
    const captured: string[] = [];
    for (const p of Object.values(PAGES as Record<string, DemoPage>)) {
      const page = await b.context.newPage();
      await page.goto(p.url);
      await waitSettled(page, p).catch(() => {});
      console.log((await describePage(page, p)).join(' | '));
      if (p === PAGES.taobaoItem) await page.screenshot({ path: join(OUT, 'panel.png') });
      if (headless && p.listing?.state === 'ready' && p.listing.seller) {
        const id = await captureOn(page);
        if (id) captured.push(id);
      }
      if (headless) await page.close();
    }
    if (!headless) {
      console.log('\nChromium is open with the extension and the demo pages. Close it (or press Ctrl+C) to end.');
      await new Promise<void>((done) => b.context.on('close', () => done()));
      return;
    }
    console.log(`\nCaptured ${captured.length} listings as evidence.`);
    await exportAndVerify(b, tsa);
    console.log(`Panel screenshot: ${join(OUT, 'panel.png')}`);
  } finally {
    await b.close();
    await server.close();
    await tsa?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
