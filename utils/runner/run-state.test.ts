import { describe, expect, it } from 'vitest';
import type { RunItemRecord } from '@/utils/runner/run-model';
import { afterFailedAttempt, applyControl, drivesItself, finishedState, MAX_ATTEMPTS, nextItem, progressOf, uiStateOf } from '@/utils/runner/run-state';

const item = (seq: number, state: RunItemRecord['state'], extra: Partial<RunItemRecord> = {}): RunItemRecord => ({
  runId: 'r',
  seq,
  itemKey: `taobao:${seq}`,
  platform: 'taobao',
  itemId: String(seq),
  url: `https://item.taobao.com/item.htm?id=${seq}`,
  state,
  attempts: 0,
  ...extra,
});

describe('run state machine', () => {
  it('goes on at the first item not finished, in the run order (an active one after a restart first)', () => {
    expect(nextItem([item(2, 'pending'), item(0, 'done'), item(1, 'active')])?.seq).toBe(1);
    expect(nextItem([item(0, 'done'), item(1, 'failed')])).toBeUndefined();
  });

  it('ends done only when every item was captured', () => {
    expect(finishedState([item(0, 'done'), item(1, 'done')])).toBe('done');
    expect(finishedState([item(0, 'done'), item(1, 'failed')])).toBe('failed');
    expect(progressOf([item(0, 'done'), item(1, 'failed'), item(2, 'pending')])).toEqual({ done: 1, failed: 1, total: 3 });
  });

  it('allows pause, resume and cancel only where they make sense, naming the refusal', () => {
    expect(applyControl('running', 'pause')).toBe('paused');
    expect(applyControl('paused', 'resume')).toBe('running');
    expect(applyControl('paused', 'cancel')).toBe('cancelled');
    expect(() => applyControl('done', 'resume')).toThrow('cannot resume a run that is done');
    expect(() => applyControl('running', 'resume')).toThrow(/cannot resume/);
  });

  it('shows a cancelled or absent run as idle, and drives running or captcha-paused runs by itself', () => {
    expect(uiStateOf(undefined)).toBe('idle');
    expect(uiStateOf({ state: 'cancelled' })).toBe('idle');
    expect(uiStateOf({ state: 'paused' })).toBe('paused');
    expect(drivesItself({ state: 'running' })).toBe(true);
    expect(drivesItself({ state: 'paused', blockedTabId: 7 })).toBe(true);
    expect(drivesItself({ state: 'paused' })).toBe(false);
    expect(drivesItself({ state: 'done' })).toBe(false);
  });

  it('retries a failed item once more, then gives it up with the reason', () => {
    const once = afterFailedAttempt(item(0, 'active', { tabId: 5 }), 'the listing page did not load');
    expect(once).toMatchObject({ state: 'pending', attempts: 1, error: 'the listing page did not load' });
    expect(once.tabId).toBeUndefined();
    let it2 = once;
    for (let i = 1; i < MAX_ATTEMPTS; i++) it2 = afterFailedAttempt(it2, 'again');
    expect(it2.state).toBe('failed');
  });
});
