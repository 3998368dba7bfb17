import { browser } from '#imports';
import { database } from '@/utils/db/database';
import { loadSettings } from '@/utils/settings/settings';
import { usableTsas } from '@/utils/settings/tsa-access';
import { requestTimestamp } from '@/utils/trust/tsp-client';
import { lockerFileAdded } from '@/utils/background/locker-service';
import { SEAL_TOKEN_PATH } from '@/utils/model/trust';
import { stampCapture, stampDue, type QueueRun, type StampDeps } from '@/utils/background/timestamp-queue';

// The background's timestamp queue: stamps right after a capture is stored (never awaited by
// the capture), every minute for due retries (each row's own backoff caps at five minutes), due
// ones when the service worker starts, and all pending ones when the browser starts.

const ALARM = 'timestamp-retry';
/** one TSA that does not answer must not hold the queue for long */
const TSA_TIMEOUT_MS = 15_000;

export function backgroundStampDeps(): StampDeps {
  return {
    db: database(),
    request: (digest, tsas) => requestTimestamp(digest, tsas, { timeoutMs: TSA_TIMEOUT_MS }),
    tsas: usableTsas,
    now: () => new Date(),
    actor: async () => (await loadSettings()).investigator,
    onStamped: (captureId) => void lockerFileAdded(captureId, SEAL_TOKEN_PATH).catch(() => undefined),
  };
}

/** After a capture is stored: ask for its token without making the capture wait. */
export function stampSoon(captureId: string): void {
  void stampCapture(backgroundStampDeps(), captureId).catch(() => undefined);
}

export function retryPendingStamps(): Promise<QueueRun> {
  return stampDue(backgroundStampDeps(), { all: true });
}

export function registerTimestampQueue(): void {
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void stampDue(backgroundStampDeps()).catch(() => undefined);
  });
  browser.runtime.onStartup.addListener(() => void retryPendingStamps().catch(() => undefined));
  // The worker also starts after being stopped for idleness, which can be every few minutes while
  // someone browses: stamps whose backoff has run out go now, without waiting for the alarm.
  void stampDue(backgroundStampDeps()).catch(() => undefined);
}
