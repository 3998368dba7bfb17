import { browser } from '#imports';
import { messaging } from '@/utils/messaging/protocol';
import { MARKETPLACE_HOSTS } from '@/utils/marketplaces/hosts';

// The capture button is in the panel; the popup, the context menu and the keyboard shortcut
// ask the tab's content script to press it, so every trigger runs the same capture.

export const CAPTURE_COMMAND = 'capture-evidence';
const MENU_ID = 'listingproof-capture';

export async function triggerCaptureInTab(tabId: number): Promise<boolean> {
  try {
    return (await messaging.sendMessage('tabTriggerCapture', {}, tabId)).started;
  } catch {
    return false; // no content script on that tab: not a marketplace page
  }
}

export function registerCaptureTriggers(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: browser.i18n.getMessage('captureCommand') || 'Capture evidence of this listing',
        contexts: ['page', 'image', 'link'],
        documentUrlPatterns: MARKETPLACE_HOSTS,
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void triggerCaptureInTab(tab.id);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== CAPTURE_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await triggerCaptureInTab(tab.id);
  });
}
