import { describe, expect, it } from 'vitest';
import { localIsoString } from '@/utils/evidence/local-time';

describe('localIsoString', () => {
  const at = new Date('2026-11-23T13:05:03.123Z');
  it('writes the local wall-clock time with the offset, not Z', () => {
    expect(localIsoString(at, 480)).toBe('2026-11-23T21:05:03.123+08:00');
    expect(localIsoString(at, -330)).toBe('2026-11-23T07:35:03.123-05:30');
    expect(localIsoString(at, 0)).toBe('2026-11-23T13:05:03.123+00:00');
  });
  it('denotes the same instant', () => {
    expect(Date.parse(localIsoString(at, 480))).toBe(at.getTime());
    expect(Date.parse(localIsoString(at))).toBe(at.getTime());
    expect(localIsoString(at)).toMatch(/[+-]\d\d:\d\d$/);
  });
});
