import type { ContentScriptContext } from '#imports';
import { messaging } from '@/utils/messaging/protocol';
import { captureProgressSchema, tabCaptureRequestSchema, type CaptureProgress } from '@/utils/messaging/schemas';
import { createPageCaptureSession } from '@/utils/evidence/page-session';
import { collectPageEnvironment } from '@/utils/evidence/environment';
import type { PageRequests } from '@/utils/evidence/page-requests';

interface Hooks {
  onCapture(): Promise<{ started: boolean }>;
  onProgress(p: CaptureProgress): void;
  onListChanged(): void;
}

/**
 * Answers the background: triggers, progress, list changes, and the page side of a capture
 * (hide our UI, serialise, render, scroll). Only the extension can message a content script;
 * payloads are still parsed before use.
 */
export function registerTabHandlers(ctx: ContentScriptContext, hooks: Hooks): void {
  let session: PageRequests | undefined;
  const offs = [
    messaging.onMessage('tabTriggerCapture', () => hooks.onCapture()),
    messaging.onMessage('tabCaptureProgress', (m) => {
      const p = captureProgressSchema.safeParse(m.data);
      if (p.success) hooks.onProgress(p.data);
    }),
    messaging.onMessage('tabListChanged', () => hooks.onListChanged()),
    messaging.onMessage('tabCaptureRequest', async (m): Promise<unknown> => {
      const req = tabCaptureRequestSchema.parse(m.data);
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
