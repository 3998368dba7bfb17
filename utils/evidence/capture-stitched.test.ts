import { describe, expect, it } from 'vitest';
import { scheduleCaptures } from '@/utils/evidence/capture-scheduler';
import { captureStitched } from '@/utils/evidence/capture-stitched';
import { fakeClock, fakePngDataUrl } from '@/tests/helpers/evidence-fakes';

describe('captureVisibleTab pacing', () => {
  it('starts calls at least 550 ms apart, whatever the callers do', async () => {
    const clock = fakeClock();
    const at: number[] = [];
    const shot = scheduleCaptures(async () => at.push(clock.now()), clock);
    await Promise.all([shot(), shot(), shot()]);
    await shot();
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(550);
  });
});

describe('captureStitched', () => {
  function run(scrollHeight: number, maxTiles?: number, withClock = true) {
    const clock = fakeClock();
    const log: string[] = [];
    const callTimes: number[] = [];
    let scrollY = 0;
    const deps = {
      captureVisibleTab: async () => {
        callTimes.push(clock.now());
        log.push(`shot@${scrollY}`);
        return fakePngDataUrl(1280, 720, String(scrollY));
      },
      scrollTo: async (y: number) => {
        clock.sleep(120); // the page settling takes time too
        scrollY = Math.min(y, scrollHeight - 720);
        log.push(`scroll ${y}`);
        return scrollY;
      },
      sleep: clock.sleep,
      now: withClock ? clock.now : undefined,
      hideFixedAndSticky: async () => void log.push('hide-fixed'),
    };
    return { clock, log, callTimes, result: captureStitched(deps, { scrollHeight, viewportHeight: 720, maxTiles }) };
  }

  it('captures one tile per viewport, >= 500 ms apart, hiding fixed elements after the first', async () => {
    const { log, callTimes, result } = run(2000);
    const { tiles, warnings } = await result;
    expect(warnings).toEqual([]);
    expect(tiles.map((t) => t.path)).toEqual(['full-tiles/01.png', 'full-tiles/02.png', 'full-tiles/03.png']);
    expect(log).toEqual(['scroll 0', 'shot@0', 'hide-fixed', 'scroll 720', 'shot@720', 'scroll 1280', 'shot@1280']);
    for (let i = 1; i < callTimes.length; i++) expect(callTimes[i]! - callTimes[i - 1]!).toBeGreaterThanOrEqual(500);
    expect(tiles[2]!.note).toContain('part 3/3');
    expect(tiles[2]!.note).toContain('top 160 CSS px repeat the previous part');
    expect(tiles[0]).toMatchObject({ width: 1280, height: 720 });
  });

  it('keeps the spacing without a clock', async () => {
    const { clock, result } = run(2000, undefined, false);
    await result;
    expect(clock.slept.filter((ms) => ms >= 550)).toHaveLength(2);
  });

  it('says so when the series is cut short', async () => {
    const { result } = run(100000, 3);
    const { tiles, warnings } = await result;
    expect(tiles).toHaveLength(3);
    expect(warnings[0]).toMatch(/cut short.*100000 px.*2160 px/);
  });
});
