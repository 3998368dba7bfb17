import { browser } from '#imports';

// The manifest's content scripts are tiny: they wait until the page has loaded (or 3 s, on pages
// that never finish) and the main thread is idle, then ask the background to inject the listing
// script. Compiling that script (React, the adapters) at document_idle delayed the load event of
// marketplace pages by ~300 ms; now it runs after the page's own work.

export const MAIN_SCRIPT_REQUEST = 'listingproof:load-listing-script';
const LOAD_WAIT_MS = 3000;

function pageLoaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, LOAD_WAIT_MS);
    window.addEventListener('load', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

function idle(): Promise<void> {
  return new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 500 }) : setTimeout(resolve, 50)));
}

export async function requestListingScript(): Promise<void> {
  await pageLoaded();
  await idle();
  // A plain runtime message: the bootstrap carries no messaging library; the background checks
  // the sender like every other message.
  await browser.runtime.sendMessage({ type: MAIN_SCRIPT_REQUEST }).catch(() => undefined);
}
