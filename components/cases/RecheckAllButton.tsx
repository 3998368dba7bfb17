import { useState } from 'react';
import { translate } from '@/utils/i18n/locale';
import { requestRecheckAllOpen } from '@/components/cases/recheck';
import { caseViewMessages as m } from '@/components/cases/case-view-messages';

type State = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; total: number } | { kind: 'failed'; error: string };

/** "Re-check every open case": one runner pass over the listings of every case that is not closed. */
export function RecheckAllButton() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const start = async () => {
    setState({ kind: 'running' });
    try {
      setState({ kind: 'done', total: (await requestRecheckAllOpen()).total });
    } catch (err) {
      setState({ kind: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <p>
      <button type="button" data-testid="cases-recheck-all" disabled={state.kind === 'running'} onClick={() => void start()}>
        {translate(m, 'recheckAll')}
      </button>{' '}
      <span data-testid="cases-recheck-status" data-state={state.kind}>
        {state.kind === 'done' ? translate(m, 'rechecked', { total: state.total }) : null}
        {state.kind === 'failed' ? <span className="bad">{translate(m, 'failed', { error: state.error })}</span> : null}
      </span>
    </p>
  );
}
