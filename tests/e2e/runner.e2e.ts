import { setRunnerPace } from '@/tests/harness/runner-pace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureRoute, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { ALL_ROUTES, DEMO_AUTHORIZED_LIST, PAGES } from '@/tests/harness/pages';
import { importThroughDashboard } from '@/tests/harness/import-list';
import { captureListingPage } from '@/tests/harness/capture-page';
import { readStoredCaptures } from '@/tests/harness/read-store';
import { readRows, sendFromPage } from '@/tests/harness/read-rows';
import { stopExtensionWorker } from '@/tests/harness/stop-worker';
import type { CaseRecord } from '@/utils/model/capture';
import { verifyPackage } from '@/utils/export/verify-package';
import type { RunItemRecord, RunRecord } from '@/utils/runner/run-model';

// The capture-flagged runner in Chromium with the built extension: a search page's flagged results
// are opened one at a time in background tabs and captured; a captcha pauses the run until it is
// solved; a worker stopped mid-run goes on without duplicates; a re-check proves a takedown.

const fixture = (rel: string) => new URL(`../fixtures/${rel}`, import.meta.url);
const SEARCH: FixtureRoute = { url: 'https://s.taobao.com/search?q=xr200&tab=runner', file: fixture('taobao/search-2025-runner.html') };
const FLAGGED = ['781234567890', '790000000111', '790000000222'];
// 790000000222's page: the real listing, or a captcha in its place until the person solves it
const hostile: FixtureRoute = { ...PAGES.taobaoHostile };
// 790000000111's page, or a redirect to the marketplace's login host until the person logs in
const latePrice: FixtureRoute = { ...PAGES.taobaoLatePrice };
const LOGIN: FixtureRoute = { url: 'https://login.taobao.com/member/login.jhtml', file: PAGES.taobaoLogin.file };
// a second listing of the shop of 781234567890 (极光数码专营店), taken down before the re-check
const SAME_SHOP_ID = '781234567899';
const sameShop: FixtureRoute = {
  url: `https://item.taobao.com/item.htm?id=${SAME_SHOP_ID}`,
  body: readFileSync(PAGES.taobaoItem.file, 'utf8').replaceAll('781234567890', SAME_SHOP_ID),
};
const removedBody = readFileSync(PAGES.taobaoRemoved.file, 'utf8');

let server: FixtureServer;
let b: ExtensionBrowser;
let dash: Page;

beforeAll(async () => {
  server = await startFixtureServer([
    SEARCH,
    hostile,
    latePrice,
    sameShop,
    LOGIN,
    ...ALL_ROUTES.filter((r) => r.url !== hostile.url && r.url !== latePrice.url),
  ]);
  b = await launchWithExtension(server.port, { grantScreenshotAccess: true });
  dash = await importThroughDashboard(b, [DEMO_AUTHORIZED_LIST]);
  // pace 0: the next listing at once (the default waits 8–12 s between listings)
  await setPace(0);
});

/** The runner's alarm as chrome.alarms has it (undefined when there is none). */
async function runnerAlarm(): Promise<{ periodInMinutes?: number } | undefined> {
  const found = await dash.evaluate(() =>
    (globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<unknown> } } }).chrome.alarms.get('listingproof-runner'),
  );
  return (found ?? undefined) as { periodInMinutes?: number } | undefined;
}

const setPace = (seconds: number) => setRunnerPace(dash, seconds);
afterAll(async () => {
  await b?.close();
  await server?.close();
});

const button = (page: Page) => panel(page, 'capture-flagged-button');

async function openSearch(): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(SEARCH.url);
  // data-total counts the flagged results before any click
  await expect.poll(() => button(page).getAttribute('data-total'), { timeout: 15_000 }).toBe('3');
  expect(await button(page).getAttribute('data-capture-state')).toBe('idle');
  expect(await button(page).getAttribute('data-done')).toBe('0');
  return page;
}

/** The newest run's id, the listing captures it made, and its search page's context capture(s). */
async function lastRun() {
  const runs = (await readRows<RunRecord>(dash, 'runs')).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
  const run = runs.at(-1)!;
  const made = (await readStoredCaptures(dash)).filter((c) => c.record.source?.runId === run.id);
  return { run, captures: made.filter((c) => c.record.kind !== 'search'), context: made.filter((c) => c.record.kind === 'search') };
}

describe('capture-flagged runner', () => {
  it('captures exactly the flagged results of a search page, each an evidence row that names the search', { timeout: 180_000 }, async () => {
    const search = await openSearch();
    await button(search).click();
    await expect.poll(() => button(search).getAttribute('data-capture-state'), { timeout: 120_000 }).toBe('done');
    expect(await button(search).getAttribute('data-done')).toBe('3');
    expect(await button(search).getAttribute('data-total')).toBe('3');

    const { run, captures, context } = await lastRun();
    expect(run).toMatchObject({ kind: 'search', state: 'done', searchUrl: SEARCH.url, keyword: 'xr200' });
    expect(captures.map((c) => c.record.itemId).sort()).toEqual(FLAGGED);
    // the search page itself, captured once as context before the listings, in no case
    expect(context).toHaveLength(1);
    const page = context[0]!;
    expect(run.contextCaptureId).toBe(page.record.id);
    expect(run.contextWarning).toBeUndefined();
    expect(page.record).toMatchObject({ kind: 'search', url: SEARCH.url, caseId: '', itemId: '', title: 'xr200', platform: 'taobao' });
    expect(page.record.source).toMatchObject({ runId: run.id, kind: 'search', role: 'context', searchUrl: SEARCH.url, keyword: 'xr200' });
    expect(page.record.artifacts.some((a) => a.method === 'captureVisibleTab')).toBe(true);
    expect(page.record.artifacts.some((a) => a.path === 'page.mhtml' || a.path === 'page.html')).toBe(true);
    for (const a of page.record.artifacts) if (a.path !== 'seal.json') expect(page.recomputed[a.path]).toBe(a.sha256);
    expect(page.texts['listing.json']).toBeUndefined();
    const searchJson = JSON.parse(page.texts['search.json']!) as { format: string; results: { itemId: string; verdict: { seller: string } }[] };
    expect(searchJson.format).toBe('listingproof-search');
    const shown = searchJson.results.map((r) => r.itemId);
    for (const id of [...FLAGGED, '750123456781']) expect(shown).toContain(id);
    expect(Date.parse(page.record.capturedAt)).toBeLessThan(Math.min(...captures.map((c) => Date.parse(c.record.startedAt))));
    const cases = await readRows<CaseRecord>(dash, 'cases');
    expect(cases.some((k) => k.shopKey === '')).toBe(false);
    for (const c of captures) {
      expect(c.record.source).toMatchObject({
        runId: run.id,
        kind: 'search',
        searchUrl: SEARCH.url,
        keyword: 'xr200',
        itemKey: `taobao:${c.record.itemId}`,
        contextCaptureId: page.record.id,
      });
      // stored whole: every artifact's bytes hash as recorded, a browser screenshot among them
      for (const a of c.record.artifacts) if (a.path !== 'seal.json') expect(c.recomputed[a.path]).toBe(a.sha256);
      expect(c.record.artifacts.some((a) => a.method === 'captureVisibleTab')).toBe(true);
    }
    // the toolbar badge of the search tab says how far the run got
    const badge = () =>
      dash.evaluate(async (url) => {
        type Api = { tabs: { query(q: object): Promise<{ id: number }[]> }; action: { getBadgeText(d: object): Promise<string> } };
        const chrome = (globalThis as unknown as { chrome: Api }).chrome;
        const [tab] = await chrome.tabs.query({ url });
        return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : '';
      }, SEARCH.url);
    await expect.poll(badge).toBe('3/3');
    // the clean (authorized) Tmall result was never opened
    expect(server.hits.get('https://detail.tmall.com/item.htm?id=750123456781') ?? 0).toBe(0);
    // the runner's tabs are closed again
    expect(b.context.pages().filter((p) => p.url().includes('item.taobao.com')).length).toBe(0);

    await dash.goto(dash.url().replace(/#.*$/, '') + '#captures');
    for (const c of [...captures, page])
      await expect.poll(() => dash.locator(`[data-testid="evidence-row"][data-evidence-id="${c.record.id}"]`).count()).toBe(1);
    // exported together, the listings and the search page verify intact
    const [download] = await Promise.all([dash.waitForEvent('download'), dash.locator('[data-testid="export-button"]').click()]);
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const verified = await verifyPackage(bytes);
    expect(verified.problems).toEqual([]);
    expect(verified.status).toBe('intact');
    const zip = await JSZip.loadAsync(bytes);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      captures: { id: string; kind: string; source?: { contextCaptureId?: string } }[];
    };
    expect(manifest.captures.filter((c) => c.kind === 'search').map((c) => c.id)).toEqual([page.record.id]);
    const listed = manifest.captures.filter((c) => c.kind === 'listing');
    expect(listed.map((c) => c.source?.contextCaptureId)).toEqual(FLAGGED.map(() => page.record.id));
    // the report names the search page as what it is, and each listing's way back to it
    const report = await zip.file('report.html')!.async('string');
    expect(report).toContain('搜索结果页');
    expect(report).toContain('Search results page');
    expect(report.split(`search page capture ${page.record.id}`).length - 1).toBe(FLAGGED.length);
    expect(zip.file(`captures/${page.record.id}/search.json`)).not.toBeNull();
    expect(zip.file(`captures/${page.record.id}/viewport.png`)).not.toBeNull();
    await search.close();
  });

  it('captures only the results the investigator ticked, and counts them before the click', { timeout: 180_000 }, async () => {
    const search = await openSearch();
    const pick = (itemId: string) => search.locator(`[data-testid="result-badge"][data-item-id="${itemId}"] > [data-testid="result-pick"]`);
    // a clean result has no tick box; every flagged one has one, unticked
    expect(await pick('750123456781').count()).toBe(0);
    for (const id of FLAGGED) expect(await pick(id).isChecked()).toBe(false);
    const ticked = [FLAGGED[0]!, FLAGGED[2]!];
    for (const id of ticked) await pick(id).check();
    await expect.poll(() => button(search).getAttribute('data-total')).toBe('2');
    expect(await button(search).textContent()).toMatch(/^(Capture 2 ticked results|取证勾选的 2 个结果)$/);
    // unticking one and ticking it again goes through all flagged and back
    await pick(ticked[1]!).uncheck();
    await pick(ticked[0]!).uncheck();
    await expect.poll(() => button(search).getAttribute('data-total')).toBe('3');
    for (const id of ticked) await pick(id).check();
    await expect.poll(() => button(search).getAttribute('data-total')).toBe('2');

    await button(search).click();
    await expect.poll(() => button(search).getAttribute('data-capture-state'), { timeout: 120_000 }).toBe('done');
    expect(await button(search).getAttribute('data-done')).toBe('2');
    const { run, captures, context } = await lastRun();
    expect(run).toMatchObject({ kind: 'search', state: 'done', searchUrl: SEARCH.url });
    expect(captures.map((c) => c.record.itemId).sort()).toEqual([...ticked].sort());
    expect(context).toHaveLength(1);
    expect(context[0]!.record.kind).toBe('search');
    expect(run.contextCaptureId).toBe(context[0]!.record.id);
    await search.close();
  });

  it('goes on without the context capture, with a warning on the run, when the search page is not the visible tab', { timeout: 180_000 }, async () => {
    const search = await openSearch();
    const other = await b.context.newPage();
    await other.goto(PAGES.taobaoItem.url);
    // the other tab becomes the visible one of the window, as when the person switches tabs
    type Tabs = { query(q: object): Promise<{ id: number; active: boolean }[]>; update(id: number, p: object): Promise<unknown> };
    const tabs = (url: string) => dash.evaluate(async (u) => (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({ url: u }), url);
    await dash.evaluate(
      async (id) => (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.update(id, { active: true }),
      (await tabs(PAGES.taobaoItem.url))[0]!.id,
    );
    await expect.poll(async () => (await tabs(SEARCH.url))[0]?.active).toBe(false);
    await button(search).click();
    await expect.poll(() => button(search).getAttribute('data-capture-state'), { timeout: 120_000 }).toBe('done');
    const { run, captures, context } = await lastRun();
    expect(run.state).toBe('done');
    expect(context).toHaveLength(0);
    expect(run.contextCaptureId).toBeUndefined();
    expect(run.contextWarning).toMatch(/^the search page was not captured as context: the search page was no longer the visible tab/);
    expect(captures.map((c) => c.record.itemId).sort()).toEqual(FLAGGED);
    for (const c of captures) expect(c.record.source?.contextCaptureId).toBeUndefined();
    await other.close();
    await search.close();
  });

  it('pauses on a captcha, brings that tab forward, and completes once it is solved', { timeout: 180_000 }, async () => {
    hostile.file = PAGES.taobaoCaptcha.file;
    const search = await openSearch();
    await button(search).click();
    await expect.poll(() => button(search).getAttribute('data-capture-state'), { timeout: 90_000 }).toBe('paused');
    const blocked = b.context.pages().find((p) => p.url().includes('790000000222'))!;
    expect(blocked).toBeDefined();
    await expect.poll(() => blocked.evaluate(() => document.visibilityState)).toBe('visible');
    // it stays paused while the captcha is there
    await new Promise((r) => setTimeout(r, 2000));
    expect(await button(search).getAttribute('data-capture-state')).toBe('paused');

    hostile.file = PAGES.taobaoHostile.file; // the person solves it: the listing comes back
    await blocked.reload();
    await expect.poll(() => button(search).getAttribute('data-capture-state'), { timeout: 90_000 }).toBe('done');
    expect(await button(search).getAttribute('data-done')).toBe('3');
    const { captures } = await lastRun();
    expect(captures.map((c) => c.record.itemId).sort()).toEqual(FLAGGED);
    await search.close();
  });

  it('pauses while a listing tab is sent to the login host, and goes on once the person is back on the listing', { timeout: 180_000 }, async () => {
    latePrice.redirectTo = `${LOGIN.url}?redirectURL=${encodeURIComponent(latePrice.url)}`;
    const search = await openSearch();
    await button(search).click();
    await expect.poll(() => button(search).getAttribute('data-capture-state'), { timeout: 90_000 }).toBe('paused');
    const login = b.context.pages().find((p) => p.url().startsWith(LOGIN.url))!;
    expect(login).toBeDefined();
    await expect.poll(() => login.evaluate(() => document.visibilityState)).toBe('visible');

    delete latePrice.redirectTo; // logged in: the login page sends the person back to the listing
    await login.goto(latePrice.url);
    await expect.poll(() => button(search).getAttribute('data-capture-state'), { timeout: 90_000 }).toBe('done');
    expect((await lastRun()).captures.map((c) => c.record.itemId).sort()).toEqual(FLAGGED);
    await search.close();
  });

  it('pauses, resumes and cancels from the panel', { timeout: 180_000 }, async () => {
    await setPace(3);
    const search = await openSearch();
    await button(search).click();
    await expect.poll(() => button(search).getAttribute('data-done'), { timeout: 60_000, interval: 100 }).toBe('1');
    await panel(search, 'capture-flagged-pause').click();
    await expect.poll(() => button(search).getAttribute('data-capture-state')).toBe('paused');
    await new Promise((r) => setTimeout(r, 4000)); // longer than the pace: nothing moves while paused
    expect(await button(search).getAttribute('data-done')).toBe('1');
    expect((await lastRun()).run.state).toBe('paused');
    await setPace(0);
    await panel(search, 'capture-flagged-resume').click();
    await expect.poll(() => button(search).getAttribute('data-capture-state'), { timeout: 90_000 }).toBe('done');
    expect((await lastRun()).captures.map((c) => c.record.itemId).sort()).toEqual(FLAGGED);

    await setPace(3);
    await search.reload();
    // the reloaded page shows its finished run, and starts a new one on click
    await expect.poll(() => button(search).getAttribute('data-capture-state'), { timeout: 15_000 }).toBe('done');
    await button(search).click();
    await expect.poll(() => button(search).getAttribute('data-done'), { timeout: 60_000, interval: 100 }).toBe('1');
    await panel(search, 'capture-flagged-cancel').click();
    await expect.poll(() => button(search).getAttribute('data-capture-state')).toBe('idle');
    expect(await button(search).getAttribute('data-total')).toBe('3');
    await new Promise((r) => setTimeout(r, 4000));
    const cancelled = await lastRun();
    expect(cancelled.run.state).toBe('cancelled');
    expect(cancelled.captures.length).toBe(1);
    expect(b.context.pages().filter((p) => p.url().includes('item.taobao.com')).length).toBe(0);
    await setPace(0);
    await search.close();
  });

  it('goes on after the service worker is stopped mid-run, without a duplicate capture', { timeout: 240_000 }, async () => {
    await setPace(2); // time enough to stop the worker before the run ends, on a busy machine too
    const search = await openSearch();
    await button(search).click();
    await expect.poll(async () => Number(await button(search).getAttribute('data-done')), { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(1);
    // the alarm that brings a stopped worker back while a run is going
    expect(await runnerAlarm()).toMatchObject({ periodInMinutes: 0.5 });
    await stopExtensionWorker(b);
    const mid = await lastRun();
    expect(mid.run.state).toBe('running');
    expect(mid.captures.length).toBeLessThan(3); // stopped mid-run indeed

    // nothing of ours runs now; the runner's alarm wakes the worker, which resumes the queue
    await expect.poll(() => button(search).getAttribute('data-capture-state'), { timeout: 150_000, interval: 1000 }).toBe('done');
    const { run, captures } = await lastRun();
    expect(captures.map((c) => c.record.itemId).sort()).toEqual(FLAGGED);
    const items = (await readRows<RunItemRecord>(dash, 'runItems')).filter((i) => i.runId === run.id);
    expect(items.map((i) => i.state)).toEqual(['done', 'done', 'done']);
    expect(new Set(items.map((i) => i.evidenceId)).size).toBe(3);
    await expect.poll(() => runnerAlarm()).toBeUndefined(); // no run left: no alarm
    await setPace(0);
    await search.close();
  });

  it('re-checks a case: the live listing gets a new capture, the removed one a takedown proof', { timeout: 180_000 }, async () => {
    await captureListingPage(b, sameShop.url);
    const cases = await readRows<CaseRecord>(dash, 'cases');
    const shopCase = cases.find((c) => c.shopKey === '310987654')!;
    expect(shopCase).toBeDefined();

    sameShop.body = removedBody; // taken down since
    const before = (await readStoredCaptures(dash)).length;
    await sendFromPage(dash, 'pageRecheckCases', { caseIds: [shopCase.id] });
    await expect.poll(async () => (await lastRun()).run.state, { timeout: 120_000, interval: 500 }).toBe('done');

    const { run, captures } = await lastRun();
    expect(run.kind).toBe('recheck');
    expect((await readStoredCaptures(dash)).length).toBe(before + 2);
    const byItem = Object.fromEntries(captures.map((c) => [c.record.itemId, c]));
    expect(Object.keys(byItem).sort()).toEqual(['781234567890', SAME_SHOP_ID]);
    expect(JSON.parse(byItem['781234567890']!.texts['listing.json']!).takedownProof).toBeUndefined();
    expect(JSON.parse(byItem[SAME_SHOP_ID]!.texts['listing.json']!).takedownProof).toBe(true);
    for (const c of captures) expect(c.record.caseId).toBe(shopCase.id);

    const after = (await readRows<CaseRecord>(dash, 'cases')).find((c) => c.id === shopCase.id)!;
    expect(after.lastRecheck).toMatchObject({ runId: run.id, live: ['taobao:781234567890'], removed: [`taobao:${SAME_SHOP_ID}`], suggestRemoved: false });
    expect(after.status ?? 'found').toBe('found'); // suggested at most, never changed
  });

  it('sets re-check reminders 3 and 7 days after a case becomes complained in the dashboard', { timeout: 60_000 }, async () => {
    const shopCase = (await readRows<CaseRecord>(dash, 'cases')).find((c) => c.shopKey === '310987654')!;
    await dash.goto(dash.url().replace(/#.*$/, '') + '#cases');
    const row = dash.locator(`[data-testid="case-row"][data-case-id="${shopCase.id}"]`);
    await row.locator('[data-testid="case-complaint-no"]').fill('IPP-20261205-1');
    const before = Date.now();
    await row.locator('[data-testid="case-status"]').selectOption('complained');
    const reminders = async () =>
      (
        await dash.evaluate(() =>
          (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> } } }).chrome.alarms.getAll(),
        )
      ).filter((a) => a.name.startsWith(`listingproof-recheck:${shopCase.id}:`));
    await expect.poll(async () => (await reminders()).length, { timeout: 15_000 }).toBe(2);
    const days = (await reminders()).map((a) => Math.round((a.scheduledTime - before) / 86_400_000)).sort();
    expect(days).toEqual([3, 7]);
  });
});
