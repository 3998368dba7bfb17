import { describe, expect, it } from 'vitest';
import { isRetentionDays, retainUntil } from '@/utils/locker/retention';

describe('retention dates', () => {
  const now = new Date('2026-12-01T00:00:00Z');

  it('is capturedAt + days, from a time with an offset, in UTC', () => {
    expect(retainUntil('2026-11-30T10:00:00+08:00', 30, now)).toBe('2026-12-30T02:00:00Z');
  });

  it('rounds fractions of a second up, never below capturedAt + days', () => {
    expect(retainUntil('2026-11-30T10:00:00.200+08:00', 2, now)).toBe('2026-12-02T02:00:01Z');
  });

  it('accepts the whole range 1..36500 and nothing outside it', () => {
    expect(retainUntil('2026-11-30T00:00:00Z', 36500, now)).toBe('2126-11-06T00:00:00Z');
    expect(retainUntil('2026-11-30T00:00:00Z', 1, now)).toBe('2026-12-02T00:00:00Z');
    for (const bad of [0, -1, 36501, 1.5, Number.NaN]) {
      expect(isRetentionDays(bad)).toBe(false);
      expect(() => retainUntil('2026-11-30T00:00:00Z', bad, now)).toThrow(/retention days/);
    }
  });

  it('gives an old capture uploaded late a date in the future (S3 refuses a past one)', () => {
    expect(retainUntil('2026-01-01T00:00:00Z', 7, now)).toBe('2026-12-02T00:00:00Z');
  });

  it('names a capture time it cannot read', () => {
    expect(() => retainUntil('yesterday', 7, now)).toThrow(/capturedAt is not an ISO 8601 time: yesterday/);
  });
});
