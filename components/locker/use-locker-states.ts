import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import { database } from '@/utils/db/database';
import { lockerStatesOf } from '@/utils/locker/queue';
import type { LockerFileState } from '@/utils/locker/queue-record';
import { isLockerSet, loadLockerSettings, watchLockerSettings } from '@/utils/locker/settings';

/**
 * Each capture's locker state for `data-locker`, or undefined when no locker is set. A capture
 * with no queue rows yet is `pending`: the background queues it on its next pass.
 */
export function useLockerStates(): ((captureId: string) => LockerFileState) | undefined {
  const [enabled, setEnabled] = useState(false);
  const [states, setStates] = useState<Map<string, LockerFileState>>(new Map());
  useEffect(() => {
    const refresh = () => void loadLockerSettings().then(({ settings }) => setEnabled(isLockerSet(settings)));
    refresh();
    const unwatch = watchLockerSettings(refresh);
    const subscription = liveQuery(() => lockerStatesOf(database())).subscribe({ next: setStates, error: () => undefined });
    return () => {
      unwatch();
      subscription.unsubscribe();
    };
  }, []);
  return enabled ? (id) => states.get(id) ?? 'pending' : undefined;
}
