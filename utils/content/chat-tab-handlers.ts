import type { ContentScriptContext } from '#imports';
import { messaging } from '@/utils/messaging/protocol';
import { captureProgressSchema } from '@/utils/messaging/schemas';
import { tabChatRequestSchema } from '@/utils/messaging/chat-schemas';
import { createPageCaptureSession } from '@/utils/evidence/page-session';
import { collectPageEnvironment } from '@/utils/evidence/environment';
import type { PageRequests } from '@/utils/evidence/page-requests';
import type { ChatSession } from '@/utils/content/chat-session';

/**
 * Answers the background during a chat capture: progress, our panel hidden for the screenshots,
 * the list stepped screen by screen, the page's environment. Payloads are parsed before use.
 */
export function registerChatTabHandlers(ctx: ContentScriptContext, session: ChatSession, options: { answerTriggers?: boolean } = {}): void {
  let page: PageRequests | undefined;
  const offs = [
    // On a chat page the toolbar, context menu and shortcut capture the conversation; answered
    // at once, since loading a long history outlasts what a trigger should wait for.
    ...(options.answerTriggers
      ? [
          messaging.onMessage('tabTriggerCapture', () => {
            const started = session.view.phase === 'ready' && session.view.capture.state !== 'running';
            if (started) session.capture();
            return { started };
          }),
        ]
      : []),
    messaging.onMessage('tabChatProgress', (m) => {
      const p = captureProgressSchema.safeParse(m.data);
      if (p.success) session.onProgress(p.data);
    }),
    messaging.onMessage('tabChatRequest', async (m): Promise<unknown> => {
      const req = tabChatRequestSchema.parse(m.data);
      switch (req.op) {
        case 'hideUi':
          page ??= createPageCaptureSession(window);
          return page.hideUi();
        case 'showUi':
          session.endScreens();
          await page?.showUi();
          page = undefined;
          return undefined;
        case 'environment':
          return collectPageEnvironment(navigator, window);
        case 'chatScreens':
          return session.beginScreens();
        case 'chatScrollToScreen':
          return session.scrollToScreen(req.index);
      }
    }),
  ];
  ctx.onInvalidated(() => offs.forEach((off) => off()));
}
