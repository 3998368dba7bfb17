import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

// Debian's Chromium with the built extension loaded. Playwright adds --disable-extensions, so both
// --disable-extensions-except and --load-extension are needed. Every https host resolves to the
// fixture server; nothing leaves the machine.

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export function chromiumArgs(fixturePort: number, extensionDir = EXTENSION_DIR, withExtension = true): string[] {
  return [
    ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    `--host-resolver-rules=MAP *:443 127.0.0.1:${fixturePort}, EXCLUDE localhost`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--lang=zh-CN',
  ];
}

export async function launchWithExtension(fixturePort: number, opts: { headless?: boolean; withExtension?: boolean } = {}): Promise<ExtensionBrowser> {
  if (opts.withExtension !== false && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'listingproof-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: opts.headless ?? true,
    args: chromiumArgs(fixturePort, EXTENSION_DIR, opts.withExtension !== false),
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  if (opts.withExtension === false) return { context, extensionId: '', worker: undefined as unknown as Worker, close };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, close };
}

/** The panel's element with a test id, pierced through the open shadow root. */
export function panel(page: Page, testId: string) {
  return page.locator(`listingproof-panel [data-testid="${testId}"]`);
}

export async function openDashboard(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/dashboard.html`);
  return page;
}
