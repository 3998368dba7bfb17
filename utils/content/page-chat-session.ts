import { messaging } from '@/utils/messaging/protocol';
import { translate } from '@/utils/i18n/locale';
import { chatPanelMessages } from '@/components/panel/chat-panel-messages';
import { ChatSession } from '@/utils/content/chat-session';
import type { ChatView } from '@/utils/content/chat-view';

/** The chat session of this page, wired to the background; shared by the chat and listing scripts. */
export function createPageChatSession(onChange: () => void, phase: ChatView['phase'] = 'none'): ChatSession {
  return new ChatSession(
    {
      doc: document,
      url: () => location.href,
      requestedUrl: location.href,
      startCapture: (data) => messaging.sendMessage('contentStartChatCapture', data),
      onChange,
      pickHint: translate(chatPanelMessages, 'pickHint'),
    },
    phase,
  );
}
