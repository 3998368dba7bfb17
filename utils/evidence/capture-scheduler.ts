// Chrome allows `tabs.captureVisibleTab` at most twice per second per window
// (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND) and rejects calls beyond it. Every capture of one
// listing goes through one scheduler, so the viewport shot and the stitched tiles share the budget.

export const CAPTURE_INTERVAL_MS = 550;

export interface Clock {
  /** monotonic milliseconds */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Wraps `capture` so that successive calls start at least `intervalMs` apart (calls queue). */
export function scheduleCaptures<T>(capture: () => Promise<T>, clock: Clock, intervalMs = CAPTURE_INTERVAL_MS): () => Promise<T> {
  let last = Number.NEGATIVE_INFINITY;
  let queue: Promise<unknown> = Promise.resolve();
  return () => {
    const run = queue.then(async () => {
      const wait = last + intervalMs - clock.now();
      if (wait > 0) await clock.sleep(wait);
      last = clock.now();
      return capture();
    });
    queue = run.catch(() => undefined);
    return run;
  };
}
