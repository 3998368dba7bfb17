import { defineContentScript } from '#imports';
import { pddAdapter } from '@/utils/marketplaces/pdd/adapter';
import { runContentScript } from '@/utils/content/run-content-script';
import { CHAT_PAGE_MATCHES } from '@/utils/marketplaces/hosts';

export default defineContentScript({
  matches: pddAdapter.matches,
  excludeMatches: CHAT_PAGE_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, pddAdapter),
});
