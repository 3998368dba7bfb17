import { browser } from '#imports';
import { messaging } from '@/utils/messaging/protocol';
import { pageScriptFor } from '@/utils/marketplaces/page-scripts';
import { z } from 'zod';
import { contentStartCaptureSchema, type ContentStartCapture } from '@/utils/messaging/schemas';
import type { PanelState } from '@/utils/content/panel-view';

// The tabs the runner opens: one listing at a time, in the background, closed once captured.

/**
 * `invalid`: the page's answer did not pass its schema (the reason names the fields).
 * `elsewhere`: the tab went off the marketplace's listing pages: in practice to a login or
 * verification host (login.taobao.com, passport.jd.com).
 */
export type RunnerPage = { state: PanelState; capture?: ContentStartCapture } | { invalid: string } | 'no-script' | 'elsewhere' | 'gone';

export async function openListingTab(url: string, near: { windowId?: number; openerTabId?: number }): Promise<number> {
  const opener = near.openerTabId !== undefined ? await browser.tabs.get(near.openerTabId).catch(() => undefined) : undefined;
  const tab = await browser.tabs.create({
    url,
    active: false,
    ...(opener?.windowId !== undefined
      ? { windowId: opener.windowId, openerTabId: near.openerTabId }
      : near.windowId !== undefined
        ? { windowId: near.windowId }
        : {}),
  });
  if (tab.id === undefined) throw new Error(`no tab was opened for ${url}`);
  return tab.id;
}

export async function tabExists(tabId: number): Promise<boolean> {
  return (await browser.tabs.get(tabId).catch(() => undefined)) !== undefined;
}

// The reply carries what a marketplace page let its content script read: checked like any
// message from a page before the capture path uses it.
const PANEL_STATES = ['loading', 'ready', 'login-required', 'captcha', 'not-a-listing', 'error', 'removed'] as const satisfies readonly PanelState[];
const runnerPageSchema = z.object({ state: z.enum(PANEL_STATES), capture: contentStartCaptureSchema.optional() });

/** What the tab's panel shows: `no-script` while its content script is not there yet, `gone` once the tab is closed. */
export async function askPage(tabId: number): Promise<RunnerPage> {
  let reply: unknown;
  try {
    reply = await messaging.sendMessage('tabRunnerPage', {}, { tabId, frameId: 0 });
  } catch {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    if (!tab) return 'gone';
    // A loaded page no script of ours serves (its address hidden without host access, or on no
    // marketplace listing host) is somewhere else than the listing.
    return tab.status === 'complete' && !pageScriptFor(tab.url ?? '') ? 'elsewhere' : 'no-script';
  }
  const parsed = runnerPageSchema.safeParse(reply);
  if (!parsed.success) return { invalid: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return parsed.data;
}

/** A login wall or captcha: the person has to see that tab to solve it. */
export async function bringForward(tabId: number): Promise<void> {
  const tab = await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
}

/** captureVisibleTab shoots the visible tab of a window: the listing's tab is made visible for its capture. */
export async function showForCapture(tabId: number): Promise<{ id: number; windowId: number; url: string }> {
  const tab = await browser.tabs.update(tabId, { active: true });
  if (tab?.id === undefined || tab.windowId === undefined || !tab.url) throw new Error('the listing tab was closed');
  return { id: tab.id, windowId: tab.windowId, url: tab.url };
}

export async function closeTab(tabId: number | undefined): Promise<void> {
  if (tabId !== undefined) await browser.tabs.remove(tabId).catch(() => undefined);
}
