import { describe, expect, it } from 'vitest';
import { loadLazyChat } from '@/tests/helpers/lazy-chat-page';
import { loadHistory, type Scroller } from '@/utils/chat/load-history';

/** A list that grows by `batch` rows each time it is scrolled to the top, up to `total`. */
function simulatedList(total: number, batch: number, rowPx = 40, clientPx = 400) {
  let loaded = Math.min(batch, total);
  let top = loaded * rowPx - clientPx;
  let pending = false;
  let now = 0;
  const scroller: Scroller = {
    getScrollTop: () => top,
    setScrollTop: (t) => {
      top = Math.max(0, Math.min(t, loaded * rowPx - clientPx));
      if (top === 0 && loaded < total) pending = true;
    },
    getScrollHeight: () => loaded * rowPx,
    getClientHeight: () => clientPx,
  };
  // Time is simulated: each sleep advances the clock, and a pending load lands after one tick.
  const sleep = async (ms: number): Promise<void> => {
    now += ms;
    if (pending) {
      pending = false;
      const before = loaded;
      loaded = Math.min(total, loaded + batch);
      top += (loaded - before) * rowPx;
    }
  };
  return { scroller, sleep, clock: () => now, loaded: () => loaded, top: () => top };
}

describe('loadHistory', () => {
  it('scrolls to the top until nothing more loads, reporting progress, and restores the view', async () => {
    const list = simulatedList(300, 30);
    const progress: number[] = [];
    const result = await loadHistory(null, {
      scroller: list.scroller,
      countMessages: list.loaded,
      sleep: list.sleep,
      now: list.clock,
      onProgress: (p) => progress.push(p.messages),
    });
    expect(result).toMatchObject({ complete: true, stoppedReason: 'top-reached', messages: 300 });
    expect(list.loaded()).toBe(300);
    expect(progress.slice(0, 9)).toEqual([60, 90, 120, 150, 180, 210, 240, 270, 300]);
    expect(result.rounds).toBe(9 + 3); // nine loads, then three quiet rounds
    // Back at the bottom, where the user was.
    expect(list.top()).toBe(300 * 40 - 400);
  });

  it('stops on abort and says the history is incomplete', async () => {
    const list = simulatedList(300, 30);
    const controller = new AbortController();
    const result = await loadHistory(null, {
      scroller: list.scroller,
      countMessages: list.loaded,
      sleep: list.sleep,
      now: list.clock,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.round === 2) controller.abort();
      },
    });
    expect(result).toMatchObject({ complete: false, stoppedReason: 'aborted', rounds: 2, messages: 90 });
  });

  it('is bounded by rounds and by time', async () => {
    const byRounds = simulatedList(3000, 30);
    expect(
      await loadHistory(null, { scroller: byRounds.scroller, countMessages: byRounds.loaded, sleep: byRounds.sleep, now: byRounds.clock, maxRounds: 5 }),
    ).toMatchObject({
      stoppedReason: 'max-rounds',
      complete: false,
      rounds: 5,
    });
    const byTime = simulatedList(3000, 30);
    const r = await loadHistory(null, {
      scroller: byTime.scroller,
      countMessages: byTime.loaded,
      sleep: byTime.sleep,
      now: byTime.clock,
      maxDurationMs: 1000,
      pollMs: 100,
    });
    expect(r.stoppedReason).toBe('max-duration');
    expect(r.rounds).toBe(10);
  });

  it('a list that never grows is complete after the quiet rounds', async () => {
    const list = simulatedList(20, 30);
    const r = await loadHistory(null, {
      scroller: list.scroller,
      countMessages: list.loaded,
      sleep: list.sleep,
      now: list.clock,
      stableRounds: 2,
      roundWaitMs: 300,
    });
    expect(r).toMatchObject({ complete: true, rounds: 2, messages: 20 });
  });

  it('drives the lazy-300 fixture page script to its first message', async () => {
    const dom = loadLazyChat();
    const list = dom.window.document.getElementById('J_MessageList')!;
    expect(list.getAttribute('data-loaded-from')).toBe('271');
    const r = await loadHistory(list, { countMessages: () => list.querySelectorAll('.message-item').length, roundWaitMs: 800, pollMs: 20, stableRounds: 2 });
    expect(r).toMatchObject({ complete: true, messages: 300 });
    expect(list.getAttribute('data-loaded-from')).toBe('1');
    expect(list.querySelectorAll('.message-item')).toHaveLength(300);
    // The view is back at the bottom, on the newest message.
    expect(list.scrollTop).toBe(list.scrollHeight - list.clientHeight);
    dom.window.close();
  });
});
