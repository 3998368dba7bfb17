// Evidence lives in IndexedDB; without persistent storage the browser may evict it under
// pressure. The dashboard asks for persistence and shows how much of the quota is used.

/** Where the quota messages send the investigator: deleting exported captures frees the space. */
export const FREE_SPACE_HINT = 'Export older captures, then delete them in the dashboard (Evidence → Delete…) to free space';

export interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export interface StorageStatus {
  persisted: boolean | undefined;
  usageBytes: number | undefined;
  quotaBytes: number | undefined;
  /** 0..1, undefined when the browser gives no estimate */
  usedFraction: number | undefined;
}

function defaultStorage(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Asks the browser not to evict our data; undefined when the API is missing or refuses to answer. */
export async function requestPersistentStorage(storage: StorageManagerLike | undefined = defaultStorage()): Promise<boolean | undefined> {
  try {
    if (await storage?.persisted?.()) return true;
    return await storage?.persist?.();
  } catch {
    return undefined;
  }
}

export async function storageStatus(storage: StorageManagerLike | undefined = defaultStorage()): Promise<StorageStatus> {
  const [persisted, estimate] = await Promise.all([storage?.persisted?.().catch(() => undefined), storage?.estimate?.().catch(() => undefined)]);
  const usageBytes = estimate?.usage;
  const quotaBytes = estimate?.quota;
  const usedFraction = usageBytes !== undefined && quotaBytes ? usageBytes / quotaBytes : undefined;
  return { persisted, usageBytes, quotaBytes, usedFraction };
}
