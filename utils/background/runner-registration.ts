import { browser } from '#imports';
import { database } from '@/utils/db/database';
import { receive } from '@/utils/messaging/receive';
import type { RunProgress } from '@/utils/messaging/runner-schemas';
import { canonicalItemUrl } from '@/utils/marketplaces/canonical-url';
import { itemKeyOf } from '@/utils/runner/run-model';
import { latestRunOfTab } from '@/utils/runner/run-store';
import { casesToRecheck, recheckItems } from '@/utils/runner/recheck';
import { controlRun, driveRuns, progressOfRun, RUNNER_ALARM, startRun } from '@/utils/background/runner-service';
import { onReminderAlarm, registerRecheckReminders } from '@/utils/background/recheck-reminders';

/**
 * Re-checks cases (or, with 'open', every case not closed): one run over each case's listings.
 * The case view's quick action calls this through the `pageRecheckCases` message.
 */
export async function recheckCases(which: string[] | 'open'): Promise<RunProgress> {
  const db = database();
  const caseIds = await casesToRecheck(db, which);
  const items = await recheckItems(db, caseIds);
  if (!items.length) throw new Error('recheckCases: these cases have no listing captures to re-check');
  return startRun({ kind: 'recheck', caseIds }, items);
}

/** The runner's messages, its alarm and the re-check reminders; a run left going resumes now. */
export function registerRunner(): void {
  receive('contentStartRun', async (data, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('contentStartRun: no tab');
    const previous = await latestRunOfTab(database(), tabId);
    if (previous && (previous.state === 'running' || previous.state === 'paused'))
      throw new Error('a run of this page is still going: pause or cancel it first');
    const seen = new Set<string>();
    const items = data.items
      .filter((i) => !seen.has(itemKeyOf(i.platform, i.itemId)) && seen.add(itemKeyOf(i.platform, i.itemId)))
      .map((i) => ({ itemKey: itemKeyOf(i.platform, i.itemId), platform: i.platform, itemId: i.itemId, url: canonicalItemUrl(i.platform, i.itemId) }));
    return startRun(
      {
        kind: 'search',
        searchUrl: data.searchUrl,
        ...(data.keyword ? { keyword: data.keyword } : {}),
        searchResults: data.results ?? [],
        searchTabId: tabId,
        windowId: sender.tab?.windowId,
      },
      items,
    );
  });
  receive('contentRunControl', (data, sender) => controlRun(data.runId, data.control, sender.tab?.id ?? -1));
  receive('contentRunStatus', async (_data, sender) => {
    const run = sender.tab?.id !== undefined ? await latestRunOfTab(database(), sender.tab.id) : undefined;
    return run ? progressOfRun(run) : null;
  });
  receive('pageRecheckCases', (data) => recheckCases('allOpen' in data ? 'open' : data.caseIds));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RUNNER_ALARM) void driveRuns();
    else void onReminderAlarm(alarm.name);
  });
  registerRecheckReminders();
  void driveRuns();
}
