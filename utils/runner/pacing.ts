// The pace of a run: one listing every `minSeconds`..`maxSeconds` (default 8–12 s), with uniform
// jitter so the visits do not tick like a machine. 0/0 (tests, the bench) opens the next at once.

export interface Pace {
  minSeconds: number;
  maxSeconds: number;
}

export const DEFAULT_PACE: Pace = { minSeconds: 8, maxSeconds: 12 };

/** Milliseconds between the start of one listing and the next; `random` in [0, 1). */
export function paceDelayMs(pace: Pace, random: () => number = Math.random): number {
  const min = Math.max(0, pace.minSeconds);
  const max = Math.max(min, pace.maxSeconds);
  return Math.round((min + (max - min) * random()) * 1000);
}
