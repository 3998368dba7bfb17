import { defineContentScript } from '#imports';
import { CHAT_PAGE_MATCHES } from '@/utils/marketplaces/hosts';
import { runChatScript } from '@/utils/content/run-chat-script';

// Injected by the background once the page has loaded (utils/background/page-scripts.ts).
export default defineContentScript({
  matches: CHAT_PAGE_MATCHES,
  registration: 'runtime',
  main: (ctx) => runChatScript(ctx),
});
