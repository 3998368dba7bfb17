import type { ContentScriptContext } from '#imports';
import { receive } from '@/utils/messaging/receive';
import type { CaptureProgress, ContentStartCapture } from '@/utils/messaging/schemas';
import type { RunProgress } from '@/utils/messaging/runner-schemas';
import type { PanelState } from '@/utils/content/panel-view';
import type { PageSummary } from '@/utils/content/page-summary';
import { createPageCaptureSession } from '@/utils/evidence/page-session';
import { collectPageEnvironment } from '@/utils/evidence/environment';
import type { PageRequests } from '@/utils/evidence/page-requests';

interface Hooks {
  onCapture(): Promise<{ started: boolean }>;
  onProgress(p: CaptureProgress): void;
  onListChanged(): void;
  summary(): PageSummary;
  /** the runner asks a tab it opened for its state and capture payload */
  runnerPage(): { state: PanelState; capture?: ContentStartCapture };
  onRunProgress(p: RunProgress): void;
}

/**
 * Answers the background: triggers, progress, list changes, and the page side of a capture
 * (hide our UI, serialise, render, scroll). Senders and payloads are checked by `receive`
 * against the protocol map.
 */
export function registerTabHandlers(ctx: ContentScriptContext, hooks: Hooks): void {
  let session: PageRequests | undefined;
  const offs = [
    receive('tabTriggerCapture', () => hooks.onCapture()),
    receive('tabCaptureProgress', (p) => hooks.onProgress(p)),
    receive('tabListChanged', () => hooks.onListChanged()),
    receive('tabPageSummary', () => hooks.summary()),
    receive('tabRunnerPage', () => hooks.runnerPage()),
    receive('tabRunProgress', (p) => hooks.onRunProgress(p)),
    receive('tabCaptureRequest', async (req): Promise<unknown> => {
      session ??= createPageCaptureSession(window);
      switch (req.op) {
        case 'hideUi':
          return session.hideUi();
        case 'showUi':
          await session.showUi();
          session = undefined; // the next capture starts from a clean page state
          return undefined;
        case 'serializeDom':
          return session.serializeDom();
        case 'metrics':
          return session.metrics();
        case 'hideFixedAndSticky':
          return session.hideFixedAndSticky?.();
        case 'scrollTo':
          return session.scrollTo(req.y);
        case 'addRenderImage':
          return session.addRenderImage(req.url, req.dataUrl);
        case 'renderFullPage':
          return session.renderFullPage();
        case 'environment':
          return collectPageEnvironment(navigator, window);
      }
    }),
  ];
  ctx.onInvalidated(() => offs.forEach((off) => off()));
}
