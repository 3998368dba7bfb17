import type { ItemState, RunItemRecord, RunRecord, RunState } from '@/utils/runner/run-model';

// The run's state machine, pure: what to visit next, when the run is over, what the panel shows,
// and which of the investigator's controls apply in which state.

/** What `capture-flagged-button` shows (contract §6.1): a cancelled run reads as idle again. */
export type RunUiState = 'idle' | 'running' | 'paused' | 'done' | 'failed';

export type RunControl = 'pause' | 'resume' | 'cancel';

/** An item is retried this many times (its page never got ready, the capture failed) before it is `failed`. */
export const MAX_ATTEMPTS = 2;

const OPEN: ReadonlySet<ItemState> = new Set(['pending', 'active']);

/** The first item not finished, in the run's order: where a (resumed) run goes on. */
export function nextItem(items: readonly RunItemRecord[]): RunItemRecord | undefined {
  let best: RunItemRecord | undefined;
  for (const item of items) if (OPEN.has(item.state) && (!best || item.seq < best.seq)) best = item;
  return best;
}

/** A run with nothing left to visit is `done` when every item was captured, else `failed`. */
export function finishedState(items: readonly RunItemRecord[]): 'done' | 'failed' {
  return items.every((i) => i.state === 'done') ? 'done' : 'failed';
}

export function progressOf(items: readonly RunItemRecord[]): { done: number; failed: number; total: number } {
  let done = 0;
  let failed = 0;
  for (const i of items) {
    if (i.state === 'done') done++;
    else if (i.state === 'failed') failed++;
  }
  return { done, failed, total: items.length };
}

export function uiStateOf(run: Pick<RunRecord, 'state'> | undefined): RunUiState {
  if (!run || run.state === 'cancelled') return 'idle';
  return run.state;
}

/** Whether the service worker should drive this run by itself (on start, on its alarm). */
export function drivesItself(run: Pick<RunRecord, 'state' | 'blockedTabId'>): boolean {
  return run.state === 'running' || (run.state === 'paused' && run.blockedTabId !== undefined);
}

const TRANSITIONS: Record<RunControl, Partial<Record<RunState, RunState>>> = {
  pause: { running: 'paused' },
  resume: { paused: 'running' },
  cancel: { running: 'cancelled', paused: 'cancelled' },
};

/** The state after a control, or an error naming why it does not apply (e.g. resuming a finished run). */
export function applyControl(state: RunState, control: RunControl): RunState {
  const next = TRANSITIONS[control][state];
  if (!next) throw new Error(`cannot ${control} a run that is ${state}`);
  return next;
}

/** After a failed attempt: try the item again, or give it up and go on with the next. */
export function afterFailedAttempt(item: RunItemRecord, error: string): RunItemRecord {
  const attempts = item.attempts + 1;
  const { tabId: _closed, ...rest } = item;
  return { ...rest, attempts, error, state: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending' };
}
