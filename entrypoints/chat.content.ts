import { defineContentScript } from '#imports';
import { CHAT_PAGE_MATCHES } from '@/utils/marketplaces/hosts';
import { runChatScript } from '@/utils/content/run-chat-script';

export default defineContentScript({
  matches: CHAT_PAGE_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => runChatScript(ctx),
});
