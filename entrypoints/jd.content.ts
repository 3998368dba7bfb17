import { defineContentScript } from '#imports';
import { jdAdapter } from '@/utils/marketplaces/jd/adapter';
import { runContentScript } from '@/utils/content/run-content-script';
import { CHAT_PAGE_MATCHES } from '@/utils/marketplaces/hosts';

export default defineContentScript({
  matches: jdAdapter.matches,
  excludeMatches: CHAT_PAGE_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, jdAdapter),
});
