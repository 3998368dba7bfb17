import { browser } from '#imports';
import { database } from '@/utils/db/database';
import { captureSearchPageForRun } from '@/utils/background/capture-service';
import { platformOfHostname } from '@/utils/marketplaces/platforms';
import type { RunRecord } from '@/utils/runner/run-model';
import { updateRun } from '@/utils/runner/run-store';

// A capture-flagged run's first step: the search results page itself, captured once as context
// (contract §6.1) while it is still the visible tab, before any listing is opened. Its failure is
// a warning on the run, never a failed run: the listings are the evidence, the search page context.

/** A search run with neither its context capture nor a reason why it has none. */
export const needsContextCapture = (run: RunRecord) =>
  run.kind === 'search' && run.searchTabId !== undefined && run.contextCaptureId === undefined && run.contextWarning === undefined;

export async function captureSearchContext(run: RunRecord): Promise<void> {
  const db = database();
  try {
    const tab = await browser.tabs.get(run.searchTabId!).catch(() => undefined);
    if (!tab?.id || tab.windowId === undefined || !tab.url) throw new Error('the search page tab was closed');
    if (!tab.active) throw new Error('the search page was no longer the visible tab');
    // same page, whatever the query string became since (infinite scroll may rewrite it)
    const [now, then] = [new URL(tab.url), new URL(run.searchUrl ?? '')];
    if (now.origin + now.pathname !== then.origin + then.pathname) throw new Error(`the tab had left the search page (${run.searchUrl}) for ${tab.url}`);
    const platform = platformOfHostname(new URL(tab.url).hostname) ?? run.searchResults?.[0]?.platform;
    if (!platform) throw new Error(`no marketplace runs at ${tab.url}`);
    await captureSearchPageForRun(
      { platform, pageTitle: tab.title ?? '', keyword: run.keyword, results: run.searchResults ?? [] },
      { id: tab.id, windowId: tab.windowId, url: tab.url },
      {
        source: { runId: run.id, kind: 'search', itemKey: '', role: 'context', searchUrl: tab.url, ...(run.keyword ? { keyword: run.keyword } : {}) },
        alsoWrites: [db.runs],
        // in the storing transaction: a worker restarted mid-capture cannot store a second one
        onStored: async (tx, record) => {
          const current = await tx.runs.get(run.id);
          if (!current) throw new Error(`run ${run.id} is gone`);
          if (current.contextCaptureId) throw new Error(`the search page of run ${run.id} is already captured (${current.contextCaptureId})`);
          await tx.runs.put({ ...current, contextCaptureId: record.id });
        },
      },
    );
  } catch (err) {
    const stored = await db.runs.get(run.id);
    if (stored && !stored.contextCaptureId)
      await updateRun(db, run.id, { contextWarning: `the search page was not captured as context: ${err instanceof Error ? err.message : String(err)}` });
  }
}
