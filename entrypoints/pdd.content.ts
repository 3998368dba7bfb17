import { defineContentScript } from '#imports';
import { CHAT_PAGE_MATCHES } from '@/utils/marketplaces/hosts';
import { pddMatches } from '@/utils/marketplaces/pdd/matches';
import { pddAdapter } from '@/utils/marketplaces/pdd/adapter';
import { runContentScript } from '@/utils/content/run-content-script';

// Injected by the background once the page has loaded (utils/background/page-scripts.ts), not by
// the manifest: a manifest content script runs during the load and delays it.
export default defineContentScript({
  matches: pddMatches,
  excludeMatches: CHAT_PAGE_MATCHES,
  registration: 'runtime',
  main: (ctx) => runContentScript(ctx, pddAdapter),
});
