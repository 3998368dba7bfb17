import { browser } from '#imports';
import type { SaveAsMhtml } from '@/utils/evidence/capture-mhtml';
import type { ExtensionApis } from '@/utils/evidence/environment';

// The real browser APIs behind the injected dependencies (background only). Kept in one place
// so every other module here runs in node tests without a browser.

/** `deps.captureVisibleTab` for captureListing. */
export function captureVisibleTabPng(windowId: number): Promise<string> {
  return browser.tabs.captureVisibleTab(windowId, { format: 'png' });
}

/** `deps.saveAsMHTML`; undefined on Firefox (no pageCapture) or when the permission is absent. */
export function pageCaptureSaveAsMhtml(): SaveAsMhtml | undefined {
  const api = (browser as { pageCapture?: typeof browser.pageCapture }).pageCapture;
  if (!api?.saveAsMHTML) return undefined;
  return (details) => api.saveAsMHTML(details);
}

/** For collectExtensionEnvironment: version, and other extensions when `management` is granted. */
export function extensionApis(): ExtensionApis {
  return {
    getManifest: () => browser.runtime.getManifest(),
    ownId: browser.runtime.id,
    hasManagement: () => browser.permissions.contains({ permissions: ['management'] }),
    getAllExtensions: async () => {
      const management = (browser as { management?: typeof browser.management }).management;
      return management ? management.getAll() : [];
    },
  };
}
