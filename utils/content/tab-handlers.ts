import type { ContentScriptContext } from '#imports';
import { messaging } from '@/utils/messaging/protocol';
import { captureProgressSchema, type CaptureProgress } from '@/utils/messaging/schemas';
import { hideOwnUi } from '@/utils/evidence/hide-own-ui';
import { serializeDom } from '@/utils/evidence/serialize-dom';
import { renderFullPage } from '@/utils/evidence/render-full-page';
import { hideFixedAndSticky, pageMetrics, scrollToAndSettle } from '@/utils/evidence/page-metrics';

interface Hooks {
  onCapture(): Promise<{ started: boolean }>;
  onProgress(p: CaptureProgress): void;
  onListChanged(): void;
}

/**
 * Answers the background during a capture (hide our UI, serialise, render, scroll). Only the
 * extension itself can message a content script; payloads are still parsed before use.
 */
export function registerTabHandlers(ctx: ContentScriptContext, hooks: Hooks): void {
  let restoreUi: (() => void) | undefined;
  let restoreFixed: (() => void) | undefined;
  const offs = [
    messaging.onMessage('tabTriggerCapture', () => hooks.onCapture()),
    messaging.onMessage('tabCaptureProgress', (m) => {
      const p = captureProgressSchema.safeParse(m.data);
      if (p.success) hooks.onProgress(p.data);
    }),
    messaging.onMessage('tabHideUi', () => {
      restoreUi ??= hideOwnUi(document);
    }),
    messaging.onMessage('tabShowUi', () => {
      restoreFixed?.();
      restoreFixed = undefined;
      restoreUi?.();
      restoreUi = undefined;
    }),
    messaging.onMessage('tabSerializeDom', () => ({ html: serializeDom(document, location.href) })),
    messaging.onMessage('tabRenderFullPage', async (m) => ({ parts: await renderFullPage(document, { imageDataUrls: m.data.imageDataUrls }) })),
    messaging.onMessage('tabScrollTo', async (m) => {
      if (m.data.hideFixed) restoreFixed ??= hideFixedAndSticky(document);
      await scrollToAndSettle(window, Number(m.data.y) || 0);
    }),
    messaging.onMessage('tabMetrics', () => pageMetrics(window)),
    messaging.onMessage('tabListChanged', () => hooks.onListChanged()),
  ];
  ctx.onInvalidated(() => offs.forEach((off) => off()));
}
