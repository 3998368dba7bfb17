import { browser } from '#imports';

/** A red count of findings (not authorized or below the minimum) on the tab's toolbar icon. */
export async function showFindingsOnBadge(tabId: number, counts: { unauthorized: number; belowMin: number }): Promise<void> {
  const n = counts.unauthorized + counts.belowMin;
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#cf222e' });
  await browser.action.setBadgeText({ tabId, text: n > 0 ? String(Math.min(n, 999)) : '' });
}
