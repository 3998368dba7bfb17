import { browser } from '#imports';
import { database } from '@/utils/db/database';
import type { CaseRecord } from '@/utils/model/capture';
import { statusOf } from '@/utils/model/case-status';

// Reminders only: 3 and 7 days after a case became `complained`, a notification says a re-check
// is due and opens the dashboard's cases on click. The product never browses on its own.

export const REMINDER_DAYS = [3, 7] as const;
const PREFIX = 'listingproof-recheck:';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The alarms a complained case should have: name and time, only those still ahead. */
export function remindersFor(c: CaseRecord, now: number): { name: string; when: number }[] {
  if (statusOf(c) !== 'complained') return [];
  const since = [...(c.statusHistory ?? [])].reverse().find((h) => h.status === 'complained')?.at;
  const from = since ? Date.parse(since) : NaN;
  if (!Number.isFinite(from)) return [];
  return REMINDER_DAYS.map((d) => ({ name: `${PREFIX}${c.id}:${d}:${from}`, when: from + d * DAY_MS })).filter((r) => r.when > now);
}

/** Makes the alarms match the cases: new complaints get theirs, cases no longer complained lose theirs. */
export async function syncRecheckReminders(now = Date.now()): Promise<void> {
  const wanted = new Map<string, number>();
  for (const c of await database().cases.toArray()) for (const r of remindersFor(c, now)) wanted.set(r.name, r.when);
  const existing = (await browser.alarms.getAll()).filter((a) => a.name.startsWith(PREFIX));
  for (const a of existing) if (!wanted.has(a.name)) await browser.alarms.clear(a.name);
  for (const [name, when] of wanted) if (!existing.some((a) => a.name === name)) await browser.alarms.create(name, { when });
}

const MESSAGES = {
  en: (shop: string, days: string) => ({
    title: `Re-check due: ${shop}`,
    message: `${days} days since the complaint. Open the case to re-check its listings.`,
  }),
  zh: (shop: string, days: string) => ({ title: `需要复查：${shop}`, message: `投诉已过 ${days} 天，请打开案件复查其商品链接。` }),
};

// A plain red square: the extension ships no icon file, and a basic notification needs one.
const ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGM4r6RHEmIY1TCqYfhqAAA12B8QSgDCAgAAAABJRU5ErkJggg==';

/** Shows the notification of a reminder alarm; false when the alarm is not one. */
export async function onReminderAlarm(alarmName: string): Promise<boolean> {
  if (!alarmName.startsWith(PREFIX)) return false;
  const [caseId, days = ''] = alarmName.slice(PREFIX.length).split(':');
  const found = caseId ? await database().cases.get(caseId) : undefined;
  if (!found || statusOf(found) !== 'complained') return true; // the case moved on: no reminder
  const zh = browser.i18n.getUILanguage().toLowerCase().startsWith('zh');
  const text = (zh ? MESSAGES.zh : MESSAGES.en)(found.shopName || found.shopKey, days);
  await browser.notifications.create(alarmName, { type: 'basic', iconUrl: ICON, ...text });
  return true;
}

export function registerRecheckReminders(): void {
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(PREFIX)) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html#cases') });
    void browser.notifications.clear(id);
  });
  void syncRecheckReminders();
}
