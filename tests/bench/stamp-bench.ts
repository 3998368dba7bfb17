import type { Page } from 'playwright-core';
import { startFixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { ALL_ROUTES, PAGES } from '@/tests/harness/pages';
import { startTsa, type TestTsa } from '@/tests/harness/tsa-server';
import { median, ms, ratio, sleep, table, type Print } from '@/tests/bench/bench-utils';
import { requestTimestamp, sha256 } from '@/utils/trust/tsp-client';

// Time from a capture being stored to its RFC 3161 token being stored, with the local openssl TSA
// set in the dashboard, against the same token request made straight from node in the same run
// (the TSA's own round trip: openssl ts -reply plus the reply's checks). Both ends of the first
// figure are the extension's own clock: the custody entry written in the storing transaction and
// the token's arrival on its timestamp row. The capture itself never waits for the stamp.

interface StampTimes {
  storedAt: string;
  receivedAt?: string;
  status?: string;
}

async function stampTimes(dash: Page, id: string): Promise<StampTimes> {
  return dash.evaluate(async (captureId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('listingproof');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    // No named helpers in here: the bench runs through tsx, whose name-keeping wrapper is not in the page.
    const row = await new Promise<{ status: string; receivedAt?: string } | undefined>((resolve, reject) => {
      const req = db.transaction('timestamps').objectStore('timestamps').get(captureId);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const custody = await new Promise<{ event: string; at: string }[]>((resolve, reject) => {
      const req = db.transaction('custody').objectStore('custody').index('captureId').getAll(captureId);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return { storedAt: custody.find((e) => e.event === 'capture')?.at ?? '', receivedAt: row?.receivedAt, status: row?.status };
  }, id);
}

async function captureOnce(b: ExtensionBrowser, url: string): Promise<string> {
  const page = await b.context.newPage();
  try {
    await page.goto(url);
    await panel(page, 'evidence-panel').and(page.locator('[data-state="ready"]')).waitFor({ timeout: 20_000 });
    await panel(page, 'capture-button').click();
    const done = panel(page, 'capture-button').and(page.locator('[data-capture-state="done"]'));
    await done.waitFor({ timeout: 60_000 });
    return (await done.getAttribute('data-evidence-id'))!;
  } finally {
    await page.close();
  }
}

async function directRequest(tsa: TestTsa, round: number): Promise<number> {
  const digest = await sha256(new TextEncoder().encode(`bench seal ${round} ${Math.random()}`));
  const t = performance.now();
  const out = await requestTimestamp(digest, [{ url: tsa.url }]);
  if (out.status !== 'stamped') throw new Error(`reference request not stamped: ${out.status}`);
  return performance.now() - t;
}

export async function benchStamp(print: Print, opts: { rounds: number }): Promise<void> {
  const [server, tsa] = await Promise.all([startFixtureServer(ALL_ROUTES), startTsa()]);
  let b: ExtensionBrowser | undefined;
  try {
    b = await launchWithExtension(server.port);
    const setup = b.setupPage ?? (await openDashboard(b));
    await setup.locator('[data-testid="investigator-name"]').fill('Bench');
    await setup.locator('[data-testid="investigator-org"]').fill('Bench Org');
    await setup.locator('[data-testid="tsa-urls"]').fill(tsa.url);
    await setup.locator('[data-testid="settings-save"]').click();
    await setup.locator('[data-testid="settings-status"][data-state="saved"]').waitFor();
    const dash = await openDashboard(b);
    await directRequest(tsa, -1); // warm node's side of the reference
    const urls = [PAGES.tmallItem.url, PAGES.taobaoHostile.url, PAGES.pddItem.url];
    const rows: string[][] = [];
    const stamped: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < opts.rounds; i++) {
      const id = await captureOnce(b, urls[i % urls.length]!);
      let times = await stampTimes(dash, id);
      const t = performance.now();
      while (times.status !== 'stamped' && performance.now() - t < 30_000) {
        await sleep(20);
        times = await stampTimes(dash, id);
      }
      if (times.status !== 'stamped' || !times.receivedAt) throw new Error(`capture ${id} not stamped within 30 s (${times.status ?? 'no row'})`);
      const s = Date.parse(times.receivedAt) - Date.parse(times.storedAt);
      const d = await directRequest(tsa, i);
      stamped.push(s);
      direct.push(d);
      rows.push([`round ${i + 1}`, ms(s, 0), ms(d, 0), ratio(s, d)]);
    }
    table(print, ['round', 'stored → token stored (extension)', 'token request from node (reference)', 'ratio'], rows);
    print('');
    print(`median: stored → stamped ${ms(median(stamped), 0)}, direct request ${ms(median(direct), 0)}, ratio ${ratio(median(stamped), median(direct))}`);
    print('(the extension adds reading seal.json, the key and settings, the permission check, the custody entry; the TSA is openssl on 127.0.0.1)');
  } finally {
    await b?.close();
    await server.close();
    await tsa.stop();
  }
}
