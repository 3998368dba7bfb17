import { browser } from '#imports';
import { MANAGED_URL_KEY, managedSyncUrl, readSyncUrl, syncAndStore } from '@/utils/authorized/sync-state';
import { forgetIndex } from '@/utils/background/verdict-service';
import { broadcastListChanged } from '@/utils/background/broadcast';

// The brand's list is synced on a schedule as well as on demand. An administrator's URL (managed
// storage) wins over the user's; a failing sync keeps the list in force (syncAndStore never throws).

const ALARM = 'authorized-list-sync';
const PERIOD_MINUTES = 6 * 60;

async function syncUrl(): Promise<string | undefined> {
  try {
    const managed = managedSyncUrl(await browser.storage.managed.get(MANAGED_URL_KEY));
    if (managed) return managed;
  } catch {
    // no managed storage in this browser or profile
  }
  return (await readSyncUrl()) || undefined;
}

export async function runScheduledSync(): Promise<void> {
  const url = await syncUrl();
  if (!url) return;
  const { result } = await syncAndStore(url);
  if (result.kind === 'updated') {
    forgetIndex();
    await broadcastListChanged();
  }
}

export function registerScheduledSync(): void {
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: PERIOD_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runScheduledSync();
  });
}
