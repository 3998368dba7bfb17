import type { ContentScriptContext } from '#imports';
import { receive } from '@/utils/messaging/receive';
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
          receive('tabTriggerCapture', () => {
            const started = session.view.phase === 'ready' && session.view.capture.state !== 'running';
            if (started) session.capture();
            return { started };
          }),
        ]
      : []),
    receive('tabChatProgress', (p) => session.onProgress(p)),
    receive('tabChatRequest', async (req): Promise<unknown> => {
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
