import { z } from 'zod';
import { messaging } from '@/utils/messaging/protocol';
import { chatScreensReplySchema, type TabChatRequest } from '@/utils/messaging/chat-schemas';
import type { ChatPageRequests } from '@/utils/evidence/capture-chat';
import type { PageEnvironment } from '@/utils/evidence/environment';
import { captureEnvironmentSchema } from '@/utils/model/capture';

// The background's view of a tab's chat session. Answers come from the page's renderer, so
// they are parsed like any other untrusted input.

const pageEnvironmentSchema = captureEnvironmentSchema.omit({ extensionVersion: true, otherExtensions: true });

export function chatPageProxy(tabId: number): ChatPageRequests & { environment(): Promise<PageEnvironment> } {
  const ask = (req: TabChatRequest) => messaging.sendMessage('tabChatRequest', req, { tabId, frameId: 0 });
  return {
    hideUi: async () => void (await ask({ op: 'hideUi' })),
    showUi: async () => void (await ask({ op: 'showUi' })),
    screens: async () => chatScreensReplySchema.parse(await ask({ op: 'chatScreens' })),
    scrollToScreen: async (index) =>
      void z
        .number()
        .optional()
        .parse(await ask({ op: 'chatScrollToScreen', index })),
    environment: async () => pageEnvironmentSchema.parse(await ask({ op: 'environment' })),
  };
}
