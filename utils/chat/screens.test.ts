import { describe, expect, it } from 'vitest';
import type { Scroller } from '@/utils/chat/load-history';
import { forEachScreen, screenPositions } from '@/utils/chat/screens';

describe('screenPositions', () => {
  it('covers the list screen by screen, the last one flush with the bottom', () => {
    expect(screenPositions(1000, 400)).toEqual([0, 400, 600]);
    expect(screenPositions(1200, 400)).toEqual([0, 400, 800]);
    expect(screenPositions(1000, 400, 50)).toEqual([0, 350, 600]);
    expect(screenPositions(300, 400)).toEqual([0]);
    expect(screenPositions(1000, 0)).toEqual([0]);
  });
});

describe('forEachScreen', () => {
  it('scrolls to each screen, awaits the callback there, then restores the view', async () => {
    let top = 600;
    const scroller: Scroller = { getScrollTop: () => top, setScrollTop: (t) => (top = t), getScrollHeight: () => 1000, getClientHeight: () => 400 };
    const seen: string[] = [];
    const visited = await forEachScreen(
      null,
      async (index, total, scrollTop) => {
        await Promise.resolve();
        seen.push(`${index + 1}/${total}@${scrollTop}:${top}`);
      },
      { scroller, sleep: async () => undefined },
    );
    expect(visited).toBe(3);
    expect(seen).toEqual(['1/3@0:0', '2/3@400:400', '3/3@600:600']);
    expect(top).toBe(600);
  });

  it('stops when aborted', async () => {
    let top = 0;
    const scroller: Scroller = { getScrollTop: () => top, setScrollTop: (t) => (top = t), getScrollHeight: () => 4000, getClientHeight: () => 400 };
    const controller = new AbortController();
    const visited = await forEachScreen(null, (index) => (index === 1 ? controller.abort() : undefined), {
      scroller,
      sleep: async () => undefined,
      signal: controller.signal,
    });
    expect(visited).toBe(2);
  });
});
