import { describe, expect, it } from 'vitest';
import { requestPersistentStorage, storageStatus } from '@/utils/evidence/storage-status';

describe('storage status', () => {
  it('asks for persistence only when not yet persisted', async () => {
    let asked = 0;
    expect(await requestPersistentStorage({ persisted: async () => true, persist: async () => (asked++, true) })).toBe(true);
    expect(asked).toBe(0);
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => (asked++, false) })).toBe(false);
    expect(asked).toBe(1);
    expect(await requestPersistentStorage({ persist: () => Promise.reject(new Error('x')) })).toBeUndefined();
    expect(await requestPersistentStorage(undefined)).toBeUndefined();
  });

  it('reports usage against the quota', async () => {
    expect(await storageStatus({ persisted: async () => true, estimate: async () => ({ usage: 25, quota: 100 }) })).toEqual({
      persisted: true,
      usageBytes: 25,
      quotaBytes: 100,
      usedFraction: 0.25,
    });
    expect(await storageStatus({})).toEqual({ persisted: undefined, usageBytes: undefined, quotaBytes: undefined, usedFraction: undefined });
  });
});
