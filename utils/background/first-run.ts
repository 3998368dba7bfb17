import { browser } from '#imports';

// On install the dashboard opens on its setup view: investigator name and organisation, the
// signing key's fingerprint, the TSA list and browser-screenshot access.

export function registerFirstRun(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html#setup') });
  });
}
