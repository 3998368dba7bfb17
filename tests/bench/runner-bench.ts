import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureRoute } from '@/tests/harness/fixture-server';
import { launchWithExtension, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { DEMO_AUTHORIZED_LIST, PAGES } from '@/tests/harness/pages';
import { importThroughDashboard } from '@/tests/harness/import-list';
import { browserPss } from '@/tests/bench/process-memory';
import { mb, median, ms, ratio, sleep, table, verdict, type Print } from '@/tests/bench/bench-utils';

// The capture-flagged runner on a search page of 20 flagged results, pace 0: time per listing in
// the run (tab opened in the background, page ready, capture, tab closed) against the same listing
// captured directly as a person (or captureListingPage) does it: open the page, wait for the panel,
// click, wait for the capture to be stored, close. The difference is the runner's own overhead;
// target under 300 ms a listing. Memory: browser PSS (every Chromium process) after 5, 10 and 20
// listings of the run: no growth over the batch.

const N = 20;
const TARGET_OVERHEAD_MS = 300;
const ids = Array.from({ length: N }, (_, i) => String(781234560000 + i));
const SEARCH_URL = 'https://s.taobao.com/search?q=XR-200&tab=bench';

function routes(): FixtureRoute[] {
  const item = readFileSync(PAGES.taobaoItem.file, 'utf8');
  const card = (id: string) =>
    `<div class="tbpc-col search-content-col"><div class="doubleCardWrapper--BM29lDQX"><a class="doubleCardWrapperAdapt--mEcC7olq" href="//item.taobao.com/item.htm?id=${id}" data-spm-act-id="${id}">` +
    `<div class="title--qJ7Xg_90"><span>极光 XR-200 降噪耳机 ${id}</span></div><div class="priceWrapper--dBtPZ2K1"><div class="price--NVB62Ayj"><span class="priceInt--yqqZMJ5a">269</span><span class="priceFloat--XpixvyQ1">.00</span></div></div></a>` +
    `<div class="shopInfo--ZwdMjD5l"><a class="shopName--hdF527QA"><span class="shopNameText--DmtlsDKm">极光数码专营店</span></a></div></div></div>`;
  const search = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>xr200_淘宝搜索</title></head><body><div id="root"><div id="content_items_wrapper">${ids.map(card).join('')}</div></div></body></html>`;
  return [
    { url: SEARCH_URL, body: search },
    ...ids.map((id) => ({ url: `https://item.taobao.com/item.htm?id=${id}`, body: item.replaceAll('781234567890', id) })),
  ];
}

/** One listing captured by hand: the same steps as tests/harness/capture-page.ts, timed. */
async function captureDirectly(b: ExtensionBrowser, id: string): Promise<number> {
  const t = performance.now();
  const page = await b.context.newPage();
  await page.goto(`https://item.taobao.com/item.htm?id=${id}`);
  await page.locator('listingproof-panel [data-testid="evidence-panel"][data-state="ready"]').waitFor({ timeout: 20_000 });
  await panel(page, 'capture-button').click();
  await page.locator('listingproof-panel [data-testid="capture-button"][data-capture-state="done"]').waitFor({ timeout: 60_000 });
  await page.close();
  return performance.now() - t;
}

interface RunFigures {
  ms: number;
  state: string;
  memoryAt: Map<number, number>;
}

async function runFlagged(b: ExtensionBrowser, search: Page): Promise<RunFigures> {
  const button = panel(search, 'capture-flagged-button');
  const memoryAt = new Map<number, number>([[0, browserPss().bytes]]);
  const t = performance.now();
  await button.click();
  let state = 'running';
  while (/running|paused/.test(state) && performance.now() - t < 10 * 60_000) {
    await sleep(50);
    state = (await button.getAttribute('data-capture-state')) ?? '';
    const done = Number(await button.getAttribute('data-done'));
    for (const mark of [5, 10, 20]) if (done >= mark && !memoryAt.has(mark)) memoryAt.set(mark, browserPss().bytes);
  }
  return { ms: performance.now() - t, state, memoryAt };
}

export async function benchRunner(print: Print): Promise<void> {
  const server = await startFixtureServer(routes());
  let b: ExtensionBrowser | undefined;
  try {
    b = await launchWithExtension(server.port, { grantScreenshotAccess: true });
    const dash = await importThroughDashboard(b, [DEMO_AUTHORIZED_LIST]);
    await b.worker.evaluate(async () => {
      type Local = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
      const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
      const { settings } = (await local.get('settings')) as { settings?: object };
      await local.set({ settings: { ...settings, runnerPaceMinSeconds: 0, runnerPaceMaxSeconds: 0 } });
    });
    await dash.close();
    // one listing each way first: the first capture of a browser pays for cold code and the key
    await captureDirectly(b, ids[0]!);
    // the reference in two halves around the run, so drift in the machine's load hits both
    const direct: number[] = [];
    for (const id of ids.slice(0, N / 2)) direct.push(await captureDirectly(b, id));
    const search = await b.context.newPage();
    await search.goto(SEARCH_URL);
    await search.locator(`listingproof-panel [data-testid="capture-flagged-button"][data-total="${N}"]`).waitFor({ timeout: 20_000 });
    const run = await runFlagged(b, search);
    for (const id of ids.slice(N / 2)) direct.push(await captureDirectly(b, id));

    const perListing = run.ms / N;
    const reference = median(direct);
    const overhead = perListing - reference;
    table(
      print,
      ['what', 'per listing', 'vs direct'],
      [
        [`run of ${N} flagged results (click → done ${ms(run.ms, 0)}, ${run.state})`, ms(perListing, 0), ratio(perListing, reference)],
        [`direct capture, median of ${direct.length} (open, ready, click, stored, close)`, ms(reference, 0), '1.00x'],
        ['runner overhead', ms(overhead, 0), ''],
      ],
    );
    print('');
    const mem = [0, 5, 10, 20].map((k) => run.memoryAt.get(k) ?? Number.NaN);
    table(
      print,
      ['listings done', 'browser PSS', 'vs after 5'],
      [0, 5, 10, 20].map((k, i) => [String(k), mb(mem[i]!), i ? ratio(mem[i]!, mem[1]!) : '']),
    );
    print('');
    const growth = (mem[3]! - mem[1]!) / mem[1]!;
    print(
      `runner overhead per listing ${ms(overhead, 0)} (target < ${TARGET_OVERHEAD_MS} ms): ${verdict(overhead < TARGET_OVERHEAD_MS && run.state === 'done')}; ` +
        `memory 5 → 20 listings ${(growth * 100).toFixed(1)}% (no growth: within 10%): ${verdict(growth < 0.1)}`,
    );
    print(
      '(the direct reference is driven from Playwright, a round trip per step; the runner polls the tab from the worker, so a negative overhead means no measurable cost)',
    );
  } finally {
    await b?.close();
    await server.close();
  }
}
