import { mkdtempSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

// Debian's Chromium with the built extension loaded. Playwright adds --disable-extensions, so both
// --disable-extensions-except and --load-extension are needed. Every https host resolves to the
// fixture server, every plain-http one to nothing; nothing leaves the machine.

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** the dashboard's first-run setup, which the extension opens on install (left open, behind later pages) */
  setupPage?: Page;
  /** closes the browser and starts it again on the same profile (context and worker are replaced) */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export function chromiumArgs(fixturePort: number, extensionDir = EXTENSION_DIR, withExtension = true): string[] {
  return [
    ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    // Plain http (the public RFC 3161 TSAs, once host access is granted) resolves nowhere.
    `--host-resolver-rules=MAP *:443 127.0.0.1:${fixturePort}, MAP *:80 ~NOTFOUND, EXCLUDE localhost`,
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

export interface LaunchOptions {
  headless?: boolean;
  withExtension?: boolean;
  /**
   * Start as a user who has granted the optional "all sites" access (the dashboard's screenshot
   * permission). Playwright cannot answer Chromium's permission prompt, so the grant is written
   * into the profile the way Chromium stores it, and the browser restarted.
   */
  grantScreenshotAccess?: boolean;
}

async function launch(userDataDir: string, fixturePort: number, opts: LaunchOptions): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: opts.headless ?? true,
    args: chromiumArgs(fixturePort, EXTENSION_DIR, opts.withExtension !== false),
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
}

async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
}

/**
 * Install opens the dashboard's setup tab. Waiting for it here means a test's own pages open
 * after it, so the setup tab never becomes the visible tab in the middle of a capture.
 */
async function firstRunSetupPage(context: BrowserContext, extensionId: string): Promise<Page | undefined> {
  const url = `chrome-extension://${extensionId}/dashboard.html#setup`;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const found = context.pages().find((p) => p.url() === url);
    if (found) {
      await found.waitForLoadState();
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

function grantAllUrlsInProfile(userDataDir: string, extensionId: string): void {
  const file = join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8'));
  const settings = prefs.extensions?.settings?.[extensionId];
  if (!settings) throw new Error(`extension ${extensionId} not found in the profile's preferences`);
  for (const key of ['granted_permissions', 'active_permissions']) {
    settings[key] ??= {};
    settings[key].explicit_host = [...new Set([...(settings[key].explicit_host ?? []), '<all_urls>'])];
  }
  writeFileSync(file, JSON.stringify(prefs));
}

export async function launchWithExtension(fixturePort: number, opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (opts.withExtension !== false && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'listingproof-profile-'));
  let context = await launch(userDataDir, fixturePort, opts);
  const closeWith = (ctx: BrowserContext) => async () => {
    await ctx.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  if (opts.withExtension === false)
    return {
      context,
      extensionId: '',
      worker: undefined as unknown as Worker,
      restart: () => Promise.reject(new Error('restart needs the extension')),
      close: closeWith(context),
    };
  let worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  if (opts.grantScreenshotAccess) {
    await context.close();
    grantAllUrlsInProfile(userDataDir, extensionId);
    context = await launch(userDataDir, fixturePort, opts);
    worker = await extensionWorker(context);
  }
  const setupPage = await firstRunSetupPage(context, extensionId);
  const b: ExtensionBrowser = {
    context,
    extensionId,
    worker,
    setupPage,
    async restart() {
      await b.context.close();
      b.context = await launch(userDataDir, fixturePort, opts);
      b.worker = await extensionWorker(b.context);
    },
    close: () => closeWith(b.context)(),
  };
  return b;
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
