import { describe, expect, it } from 'vitest';
import { DEFAULT_PACE, paceDelayMs } from '@/utils/runner/pacing';

describe('pacing', () => {
  it('stays within 8–12 s by default, over the whole range of the jitter', () => {
    expect(paceDelayMs(DEFAULT_PACE, () => 0)).toBe(8000);
    expect(paceDelayMs(DEFAULT_PACE, () => 0.999999)).toBeLessThanOrEqual(12000);
    expect(paceDelayMs(DEFAULT_PACE, () => 0.5)).toBe(10000);
    const samples = Array.from({ length: 2000 }, () => paceDelayMs(DEFAULT_PACE));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(8000);
    expect(Math.max(...samples)).toBeLessThanOrEqual(12000);
    // jittered, not one fixed interval
    expect(new Set(samples).size).toBeGreaterThan(100);
  });

  it('waits not at all with a pace of 0, and never less than the minimum when max < min', () => {
    expect(paceDelayMs({ minSeconds: 0, maxSeconds: 0 }, () => 0.7)).toBe(0);
    expect(paceDelayMs({ minSeconds: 5, maxSeconds: 2 }, () => 0.9)).toBe(5000);
    expect(paceDelayMs({ minSeconds: -3, maxSeconds: 0 }, () => 0.9)).toBe(0);
  });
});
