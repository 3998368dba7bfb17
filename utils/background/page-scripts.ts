import { browser } from '#imports';
import { pageScriptFor } from '@/utils/marketplaces/page-scripts';

// Marketplace pages get their content script (listing or chat) from here, after the page has
// loaded: nothing of ours runs while the page loads, so the extension adds nothing to its load
// event. A page that never finishes loading (a stuck image, a long poll) gets it after 3 s.

const FALLBACK_MS = 3000;
const fallbacks = new Map<number, ReturnType<typeof setTimeout>>();

function cancelFallback(tabId: number): void {
  clearTimeout(fallbacks.get(tabId));
  fallbacks.delete(tabId);
}

/**
 * Runs in the page (our isolated world): claims the document for one script. A document can be
 * reported loaded twice (the 3 s fallback, then "complete"; a History API navigation), and a
 * second copy of a WXT content script would invalidate the first one's context.
 */
function claimDocument(): boolean {
  const scope = window as unknown as Record<string, boolean>;
  if (scope.__listingproofPageScript) return false;
  scope.__listingproofPageScript = true;
  return true;
}

/** Undoes a claim whose script did not get in, so the next attempt can. */
function releaseDocument(): void {
  delete (window as unknown as Record<string, boolean>).__listingproofPageScript;
}

const RETRY_MS = 500;

async function inject(tabId: number, knownUrl?: string, retry = true): Promise<void> {
  const url = knownUrl ?? (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  const file = url ? pageScriptFor(url) : undefined;
  if (!file) return;
  // Top frame only, as the manifest content scripts were.
  const target = { tabId };
  const claimed = await browser.scripting.executeScript({ target, func: claimDocument }).then(
    ([r]) => r?.result === true,
    () => false,
  );
  if (!claimed) return; // already served, or the tab closed or navigated away (its next load brings its own)
  const ok = await browser.scripting.executeScript({ target, files: [file] }).then(
    () => true,
    () => false,
  );
  if (ok) return;
  await browser.scripting.executeScript({ target, func: releaseDocument }).catch(() => undefined);
  if (retry) setTimeout(() => void inject(tabId, undefined, false), RETRY_MS);
}

const POLL_MS = 250;

/** Injects once the tab has loaded, or after FALLBACK_MS if it never does. */
async function injectWhenLoaded(tabId: number, waited = 0): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab) return;
  if (tab.status === 'complete' || waited >= FALLBACK_MS) return inject(tabId, tab.url);
  setTimeout(() => void injectWhenLoaded(tabId, waited + POLL_MS), POLL_MS);
}

export function registerPageScriptInjection(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading') {
      cancelFallback(tabId);
      if (tab.url && pageScriptFor(tab.url))
        fallbacks.set(
          tabId,
          setTimeout(() => void inject(tabId), FALLBACK_MS),
        );
    } else if (change.status === 'complete') {
      cancelFallback(tabId);
      void inject(tabId, tab.url);
    }
  });
  browser.tabs.onRemoved.addListener(cancelFallback);
  // Pages open while no worker was listening (the extension being installed, updated or started,
  // its worker restarting: tab events in between are not replayed) are served once loaded; the
  // claim makes a repeat harmless.
  void browser.tabs.query({}).then((tabs) => tabs.forEach((t) => t.id !== undefined && t.url && pageScriptFor(t.url) && void injectWhenLoaded(t.id)));
}
