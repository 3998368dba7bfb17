import { defineContentScript } from '#imports';
import { CHAT_PAGE_MATCHES } from '@/utils/marketplaces/hosts';
import { tmallMatches } from '@/utils/marketplaces/tmall/matches';
import { tmallAdapter } from '@/utils/marketplaces/tmall/adapter';
import { runContentScript } from '@/utils/content/run-content-script';

// Injected by the background once the page has loaded (utils/background/page-scripts.ts), not by
// the manifest: a manifest content script runs during the load and delays it.
export default defineContentScript({
  matches: tmallMatches,
  excludeMatches: CHAT_PAGE_MATCHES,
  registration: 'runtime',
  main: (ctx) => runContentScript(ctx, tmallAdapter),
});
