import { defineContentScript } from '#imports';
import { taobaoAdapter } from '@/utils/marketplaces/taobao/adapter';
import { runContentScript } from '@/utils/content/run-content-script';
import { CHAT_PAGE_MATCHES } from '@/utils/marketplaces/hosts';

export default defineContentScript({
  matches: taobaoAdapter.matches,
  excludeMatches: CHAT_PAGE_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, taobaoAdapter),
});
