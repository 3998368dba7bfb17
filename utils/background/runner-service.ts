import { browser } from '#imports';
import { database } from '@/utils/db/database';
import { captureForTab } from '@/utils/background/capture-service';
import { askPage, bringForward, closeTab, openListingTab, showForCapture, tabExists, type RunnerPage } from '@/utils/background/runner-tab';
import { messaging } from '@/utils/messaging/protocol';
import type { RunProgress } from '@/utils/messaging/runner-schemas';
import type { ContentStartCapture } from '@/utils/messaging/schemas';
import { loadSettings } from '@/utils/settings/settings';
import { paceDelayMs } from '@/utils/runner/pacing';
import type { RunItemRecord, RunRecord } from '@/utils/runner/run-model';
import { afterFailedAttempt, applyControl, finishedState, nextItem, progressOf, uiStateOf, type RunControl } from '@/utils/runner/run-state';
import { createRun, itemsOf, markDoneWithCapture, putItem, runsToDrive, updateRun, type NewItem } from '@/utils/runner/run-store';
import { recordRecheck, withCaseShop } from '@/utils/runner/recheck';
import { captureSearchContext, needsContextCapture } from '@/utils/background/search-context';

// Drives runs: one listing at a time, in a background tab, captured through the normal capture
// path. The queue is in IndexedDB and an alarm wakes a stopped worker, which goes on at the first
// item not done; an item is done in the same transaction that stores its capture.

export const RUNNER_ALARM = 'listingproof-runner';
/** how often the page's panel is asked for its state while it loads or waits for the person */
const POLL_MS = 400;
/** a listing page that is not ready (nor blocked) after this long is an attempt failed */
const PAGE_TIMEOUT_MS = 45_000;
/** a listing tab that has been on another host this long waits for the person (a login or verification) */
const ELSEWHERE_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let driving: Promise<void> | undefined;

export async function progressOfRun(run: RunRecord): Promise<RunProgress> {
  const p = progressOf(await itemsOf(database(), run.id));
  return { runId: run.id, state: uiStateOf(run), done: p.done, total: p.total, ...(run.blockedTabId !== undefined ? { blocked: true } : {}) };
}

/** Tells the search page and the toolbar badge where the run is ("3/11"). */
async function report(run: RunRecord): Promise<RunProgress> {
  const p = await progressOfRun(run);
  if (run.searchTabId !== undefined) {
    void messaging.sendMessage('tabRunProgress', p, { tabId: run.searchTabId, frameId: 0 }).catch(() => {});
    await browser.action.setBadgeText({ tabId: run.searchTabId, text: p.total ? `${p.done}/${p.total}` : '' }).catch(() => {});
  }
  return p;
}

/** Starts the loop unless it is already going; resolves when no run is left to drive. */
export function driveRuns(): Promise<void> {
  driving ??= loop().finally(() => (driving = undefined));
  return driving;
}

async function loop(): Promise<void> {
  for (;;) {
    const [run] = await runsToDrive(database());
    if (!run) {
      await browser.alarms.clear(RUNNER_ALARM);
      return;
    }
    // setTimeout dies with the worker; the alarm brings a stopped worker back to this loop.
    if (!(await browser.alarms.get(RUNNER_ALARM))) await browser.alarms.create(RUNNER_ALARM, { periodInMinutes: 0.5 });
    await step(run);
  }
}

async function step(run: RunRecord): Promise<void> {
  if (needsContextCapture(run)) return void (await captureSearchContext(run));
  const items = await itemsOf(database(), run.id);
  const item = nextItem(items);
  if (!item) return finish(run, items);
  const wait = run.nextAt - Date.now();
  if (wait > 0 && run.blockedTabId === undefined) {
    await sleep(Math.min(wait, 20_000)); // then the loop reads the run again (paused, cancelled?)
    return;
  }
  await visit(run, item);
}

async function finish(run: RunRecord, items: RunItemRecord[]): Promise<void> {
  const done = await updateRun(database(), run.id, { state: finishedState(items), finishedAt: new Date().toISOString(), blockedTabId: undefined });
  if (done.kind === 'recheck') await recordRecheck(database(), done, items, (await loadSettings()).investigator);
  await report(done);
}

/** Opens (or, after a restart, finds again) the item's tab, waits for its page, captures it. */
async function visit(run: RunRecord, first: RunItemRecord): Promise<void> {
  const db = database();
  const startedAt = Date.now();
  let item = first;
  if (item.tabId === undefined || !(await tabExists(item.tabId))) {
    item = { ...item, state: 'active', tabId: await openListingTab(item.url, { windowId: run.windowId, openerTabId: run.searchTabId }) };
    await putItem(db, item);
  }
  const tabId = item.tabId!;
  let deadline = Date.now() + PAGE_TIMEOUT_MS;
  let elsewhereSince: number | undefined;
  for (;;) {
    const current = await db.runs.get(run.id);
    if (!current || current.state === 'cancelled') return closeTab(tabId);
    if (current.state === 'paused' && current.blockedTabId === undefined) return; // the investigator paused: the tab waits for resume
    const page: RunnerPage = await askPage(tabId);
    if (page === 'gone') return giveUp(item, 'the listing tab was closed');
    if (typeof page === 'object' && 'invalid' in page) {
      await closeTab(tabId);
      return giveUp(item, `the listing page's answer was refused: ${page.invalid}`);
    }
    if (typeof page === 'object' && page.capture && (page.state === 'ready' || page.state === 'removed')) {
      if (current.blockedTabId !== undefined) await report(await updateRun(db, run.id, { state: 'running', blockedTabId: undefined }));
      return captureItem(current, item, tabId, page.capture, startedAt);
    }
    // off the marketplace for a while: a login or verification page on another host
    elsewhereSince = page === 'elsewhere' ? (elsewhereSince ?? Date.now()) : undefined;
    const blocked =
      typeof page === 'object' ? page.state === 'captcha' || page.state === 'login-required' : Date.now() - (elsewhereSince ?? Infinity) >= ELSEWHERE_MS;
    if (blocked) {
      if (current.blockedTabId !== tabId) {
        await report(await updateRun(db, run.id, { state: 'paused', blockedTabId: tabId }));
        await bringForward(tabId);
      }
      deadline = Date.now() + PAGE_TIMEOUT_MS; // no time limit while the person solves it
    } else if (Date.now() > deadline || (typeof page === 'object' && ['error', 'not-a-listing', 'removed'].includes(page.state))) {
      // (removed here: a takedown page that tells no item id, so there is nothing to file it under)
      await closeTab(tabId);
      return giveUp(item, typeof page === 'object' ? `the listing page is ${page.state}` : 'the listing page did not load');
    }
    await sleep(POLL_MS);
  }
}

async function giveUp(item: RunItemRecord, error: string): Promise<void> {
  await putItem(database(), afterFailedAttempt(item, error));
}

async function captureItem(run: RunRecord, item: RunItemRecord, tabId: number, payload: ContentStartCapture, startedAt: number): Promise<void> {
  const db = database();
  const takedown = payload.extraction.listing.takedown === true;
  try {
    const tab = await showForCapture(tabId);
    const data = item.caseId ? await withCaseShop(db, payload, item.caseId) : payload;
    await captureForTab(data, tab, {
      source: {
        runId: run.id,
        kind: run.kind,
        itemKey: item.itemKey,
        ...(run.searchUrl ? { searchUrl: run.searchUrl } : {}),
        ...(run.keyword ? { keyword: run.keyword } : {}),
        ...(item.caseId ? { caseId: item.caseId } : {}),
        ...(run.contextCaptureId ? { contextCaptureId: run.contextCaptureId } : {}),
      },
      alsoWrites: [db.runItems],
      onStored: (tx, record) => markDoneWithCapture(tx, [run.id, item.seq], record.id, takedown ? 'removed' : 'live'),
    });
  } catch (err) {
    const stored = await db.runItems.get([run.id, item.seq]);
    if (stored?.state !== 'done') await giveUp(item, err instanceof Error ? err.message : String(err));
  }
  await closeTab(tabId);
  const settings = await loadSettings();
  const pace = paceDelayMs({ minSeconds: settings.runnerPaceMinSeconds, maxSeconds: settings.runnerPaceMaxSeconds });
  await report(await updateRun(db, run.id, { nextAt: startedAt + pace }));
}

/** Starts a run over `items` (in order) and drives it in the background; resolves with its first progress. */
export async function startRun(run: Omit<RunRecord, 'id' | 'state' | 'createdAt' | 'nextAt'>, items: NewItem[]): Promise<RunProgress> {
  const record: RunRecord = { ...run, id: crypto.randomUUID(), state: 'running', createdAt: new Date().toISOString(), nextAt: 0 };
  await createRun(database(), record, items);
  const p = await report(record);
  void driveRuns();
  return p;
}

/** Pause, resume or cancel; `searchTabId` limits a page to its own runs. */
export async function controlRun(runId: string, control: RunControl, searchTabId?: number): Promise<RunProgress> {
  const db = database();
  const run = await db.runs.get(runId);
  if (!run || (searchTabId !== undefined && run.searchTabId !== searchTabId)) throw new Error(`no run ${runId} from this page`);
  const state = applyControl(run.state, control);
  const next = await updateRun(db, runId, { state, blockedTabId: undefined, ...(control === 'resume' ? { nextAt: 0 } : {}) });
  if (control === 'cancel') for (const i of await itemsOf(db, runId)) if (i.state === 'active') await closeTab(i.tabId);
  const p = await report(next);
  if (state === 'running') void driveRuns();
  return p;
}
