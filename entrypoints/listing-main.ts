import { ContentScriptContext, defineUnlistedScript } from '#imports';
import { ADAPTERS } from '@/utils/marketplaces/registry';
import { matchesPattern } from '@/utils/marketplaces/match-pattern';
import { runContentScript } from '@/utils/content/run-content-script';

// The listing script, injected by the background when a marketplace page's bootstrap asks
// (entrypoints/<platform>.content.ts). It runs in the same isolated world a content script would.
const STARTED = '__listingproofListingScript';

export default defineUnlistedScript(() => {
  const scope = window as unknown as Record<string, boolean>;
  if (scope[STARTED]) return; // injected twice (a second request): one panel only
  scope[STARTED] = true;
  const url = new URL(location.href);
  const adapter = ADAPTERS.find((a) => a.matches.some((p) => matchesPattern(p, url)));
  if (!adapter) return;
  void runContentScript(new ContentScriptContext(`listingproof-${adapter.id}`), adapter);
});
