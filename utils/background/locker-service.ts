import { browser } from '#imports';
import { database } from '@/utils/db/database';
import { lockerKeyId } from '@/utils/locker/key-id';
import { enqueueCapture, queueLockerFile, retryFailed } from '@/utils/locker/queue';
import { runLockerQueue } from '@/utils/locker/run-queue';
import { isLockerSet, loadLockerSettings, watchLockerSettings } from '@/utils/locker/settings';
import { clearLockerStatus, writeLockerStatus } from '@/utils/locker/status';
import { loadSettings } from '@/utils/settings/settings';

// The background's side of the team locker: a pass after each capture, when the worker starts,
// when the settings change and on an alarm (every 30 s; files back off up to 5 minutes each), so
// uploads resume after a restart and after an outage without anyone asking.

const ALARM = 'locker-upload';
let running: Promise<void> | undefined;
let again = false;

async function pass(): Promise<void> {
  const { settings } = await loadLockerSettings();
  if (!isLockerSet(settings)) return;
  const result = await runLockerQueue({ db: database(), settings, keyId: await lockerKeyId(), actor: (await loadSettings()).investigator });
  if (result.problem) await writeLockerStatus('failed', result.problem.kind === 'outage' ? 'unreachable' : 'refused', result.problem.message);
  else if (result.uploaded + result.present > 0) await writeLockerStatus('ok');
}

/** Starts a pass, or asks the running one to go round once more (one pass at a time: no file twice). */
export function runLockerSoon(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await pass().catch((err: unknown) => writeLockerStatus('failed', 'error', err instanceof Error ? err.message : String(err)));
    } while (again);
  })().finally(() => (running = undefined));
  return running;
}

/** Called once a capture is stored: its files join the queue and go up at once when the locker answers. */
export async function lockerAfterCapture(captureId: string): Promise<void> {
  const { settings } = await loadLockerSettings();
  if (!isLockerSet(settings)) return;
  await enqueueCapture(database(), captureId);
  void runLockerSoon();
}

/** A file added to a stored capture later (`seal.tsr` when the TSA answers) goes up too. */
export async function enqueueLockerFile(captureId: string, path: string): Promise<void> {
  await queueLockerFile(database(), captureId, path);
  void runLockerSoon();
}

/** As enqueueLockerFile, while a locker is set (otherwise it joins with the rest once one is). */
export async function lockerFileAdded(captureId: string, path: string): Promise<void> {
  const { settings } = await loadLockerSettings();
  if (isLockerSet(settings)) await enqueueLockerFile(captureId, path);
}

export function registerLocker(): void {
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { periodInMinutes: 0.5 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runLockerSoon();
  });
  watchLockerSettings(() => {
    void (async () => {
      const { settings } = await loadLockerSettings();
      if (!isLockerSet(settings)) return clearLockerStatus();
      await retryFailed(database());
      await runLockerSoon();
    })();
  });
  addEventListener('online', () => void runLockerSoon());
  void runLockerSoon();
}
