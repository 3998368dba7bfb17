import { messaging } from '@/utils/messaging/protocol';
import type { RunProgress } from '@/utils/messaging/runner-schemas';
import type { PanelView, RunView } from '@/utils/content/panel-view';
import { itemsToCapture } from '@/utils/content/result-picks';

// The search page's side of the capture-flagged runner: start a run with the flagged results the
// page shows, pass the investigator's pause/resume/cancel on, and show the progress the background reports.

/** The search words, as the platforms put them in the URL (Taobao/Tmall `q`, JD `keyword`, PDD `search_key`). */
export function keywordOf(url: URL): string | undefined {
  for (const name of ['q', 'keyword', 'search_key']) {
    const v = url.searchParams.get(name)?.trim();
    if (v) return v.slice(0, 500);
  }
  return undefined;
}

const toView = (p: RunProgress): RunView => ({ runId: p.runId, state: p.state, done: p.done, total: p.total, ...(p.blocked ? { blocked: true } : {}) });

export function createFlaggedRun(view: () => PanelView, update: (patch: Partial<PanelView>) => void) {
  let error: string | undefined;
  const fail = (err: unknown) => {
    error = err instanceof Error ? err.message : String(err);
    update({});
  };
  return {
    error: () => error,
    onProgress(p: RunProgress): void {
      const current = view().run;
      // progress of an older run of this tab never replaces the newer one
      if (!current || current.runId === p.runId || p.state === 'running') update({ run: toView(p) });
    },
    async start(): Promise<void> {
      // the ticked results when any are ticked, else every flagged one
      const items = itemsToCapture(view().search);
      const results = (view().search?.results ?? []).slice(0, 2000);
      if (!items.length) return;
      error = undefined;
      try {
        const url = new URL(location.href);
        const kw = keywordOf(url);
        this.onProgress(await messaging.sendMessage('contentStartRun', { searchUrl: url.href.slice(0, 8000), ...(kw ? { keyword: kw } : {}), items, results }));
      } catch (err) {
        fail(err);
      }
    },
    async control(control: 'pause' | 'resume' | 'cancel'): Promise<void> {
      const run = view().run;
      if (!run) return;
      try {
        this.onProgress(await messaging.sendMessage('contentRunControl', { runId: run.runId, control }));
      } catch (err) {
        fail(err);
      }
    },
    /** a search page reloaded mid-run shows that run again */
    async restore(): Promise<void> {
      const p = await messaging.sendMessage('contentRunStatus', {}).catch(() => null);
      if (p) this.onProgress(p);
    },
  };
}
