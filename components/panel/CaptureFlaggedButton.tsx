import { translate } from '@/utils/i18n/locale';
import type { RunView, SearchSummaryView } from '@/utils/content/panel-view';
import { runnerMessages as m } from '@/components/panel/runner-messages';
import { itemsToCapture } from '@/utils/content/result-picks';

interface Props {
  search: SearchSummaryView;
  run?: RunView;
  /** why the last start failed, shown under the button */
  error?: string;
  onStart(): void;
  onControl(control: 'pause' | 'resume' | 'cancel'): void;
}

/**
 * The search page's capture-flagged runner (contract §6.1): before a run, `data-total` is how many
 * results a click captures (the ticked ones if any, else every flagged one the page shows now);
 * during and after one, the run's own count and progress.
 */
export function CaptureFlaggedButton({ search, run, error, onStart, onControl }: Props) {
  const state = run?.state ?? 'idle';
  const picked = (search.picked?.length ?? 0) > 0;
  const total = run && state !== 'idle' ? run.total : itemsToCapture(search).length;
  const done = run && state !== 'idle' ? run.done : 0;
  const active = state === 'running' || state === 'paused';
  const label =
    state === 'idle'
      ? translate(m, total ? (picked ? 'flagged-picked' : 'flagged-idle') : 'flagged-none', { total })
      : translate(m, state === 'paused' && run?.blocked ? 'flagged-blocked' : `flagged-${state}`, { done, total });
  return (
    <div className="lp-runner">
      <button
        type="button"
        className="lp-primary"
        data-testid="capture-flagged-button"
        data-capture-state={state}
        data-total={total}
        data-done={done}
        disabled={active || total === 0}
        onClick={onStart}
      >
        {label}
      </button>
      {active ? (
        <div className="lp-row">
          {state === 'running' ? (
            <button type="button" data-testid="capture-flagged-pause" onClick={() => onControl('pause')}>
              {translate(m, 'pause')}
            </button>
          ) : (
            <button type="button" data-testid="capture-flagged-resume" disabled={run?.blocked} onClick={() => onControl('resume')}>
              {translate(m, 'resume')}
            </button>
          )}
          <button type="button" data-testid="capture-flagged-cancel" onClick={() => onControl('cancel')}>
            {translate(m, 'cancel')}
          </button>
        </div>
      ) : null}
      {error ? <p className="lp-note">{translate(m, 'start-failed', { error })}</p> : null}
    </div>
  );
}
