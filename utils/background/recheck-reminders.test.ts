import { describe, expect, it } from 'vitest';
import { remindersFor } from '@/utils/background/recheck-reminders';
import type { CaseRecord } from '@/utils/model/capture';

const DAY = 24 * 60 * 60 * 1000;
const complainedAt = '2026-12-01T02:00:00.000Z';
const base: CaseRecord = { id: 'c1', platform: 'taobao', shopKey: '310987654', shopName: '极光数码专营店', createdAt: '2026-11-30T08:00:00+08:00' };

describe('re-check reminders', () => {
  it('are due 3 and 7 days after the case became complained, only those still ahead', () => {
    const c: CaseRecord = {
      ...base,
      status: 'complained',
      statusHistory: [
        { status: 'warned', at: '2026-11-30T02:00:00.000Z' },
        { status: 'complained', at: complainedAt },
      ],
    };
    const t0 = Date.parse(complainedAt);
    expect(remindersFor(c, t0).map((r) => r.when - t0)).toEqual([3 * DAY, 7 * DAY]);
    expect(remindersFor(c, t0 + 4 * DAY).map((r) => r.when - t0)).toEqual([7 * DAY]);
    expect(remindersFor(c, t0 + 8 * DAY)).toEqual([]);
    // one name per case, day and complaint: a second complaint later gets reminders of its own
    expect(new Set(remindersFor(c, t0).map((r) => r.name)).size).toBe(2);
  });

  it('are none for a case not complained (or moved on since)', () => {
    expect(remindersFor({ ...base, status: 'removed', statusHistory: [{ status: 'complained', at: complainedAt }] }, 0)).toEqual([]);
    expect(remindersFor(base, 0)).toEqual([]);
  });
});
