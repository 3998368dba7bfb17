import { browser } from '#imports';
import { MAIN_SCRIPT_REQUEST } from '@/utils/content/bootstrap';
import { isFromContentScript, type SenderLike } from '@/utils/messaging/sender-check';

// Answers the bootstraps: inject the listing script into the frame that asked, once the page is
// idle. Checked like every message: our own content script on a marketplace page, nothing else.
export function registerListingScriptInjection(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!message || typeof message !== 'object' || (message as { type?: unknown }).type !== MAIN_SCRIPT_REQUEST) return undefined;
    const from = sender as SenderLike & { frameId?: number };
    if (!isFromContentScript(from, browser.runtime.id) || from.tab?.id === undefined) return undefined;
    return browser.scripting
      .executeScript({ target: { tabId: from.tab.id, frameIds: [from.frameId ?? 0] }, files: ['/listing-main.js'] })
      .then(() => true, () => false);
  });
}
