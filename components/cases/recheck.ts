import { messaging } from '@/utils/messaging/protocol';
import type { RunProgress } from '@/utils/messaging/runner-schemas';

// "Re-check" from the dashboard: the background's runner visits each listing of the cases, one at
// a time at the configured pace; a live listing gets a new capture, a removed one a takedown proof.

/** Starts a re-check run of these cases; resolves to the run's first progress (its total). */
export function requestRecheck(caseIds: readonly string[]): Promise<RunProgress> {
  return messaging.sendMessage('pageRecheckCases', { caseIds: [...caseIds] });
}

/** Starts a re-check run of every case that is not closed. */
export function requestRecheckAllOpen(): Promise<RunProgress> {
  return messaging.sendMessage('pageRecheckCases', { allOpen: true });
}
