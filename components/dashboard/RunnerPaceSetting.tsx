import { useState } from 'react';
import { translate } from '@/utils/i18n/locale';
import type { Settings } from '@/utils/settings/settings';
import { runnerPaceMessages as m } from '@/components/dashboard/runner-pace-messages';

interface Props {
  settings: Settings;
  onChange(patch: Partial<Settings>): Promise<void>;
}

/** The capture-flagged runner's pace (utils/runner/pacing.ts): a steady visit rate is kinder to the marketplace and to the account. */
export function RunnerPaceSetting({ settings, onChange }: Props) {
  const [min, setMin] = useState(String(settings.runnerPaceMinSeconds));
  const [max, setMax] = useState(String(settings.runnerPaceMaxSeconds));
  const [bad, setBad] = useState(false);
  const save = () => {
    const lo = Number(min);
    const hi = Number(max);
    const ok = [lo, hi].every((n) => min.trim() !== '' && max.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 600) && lo <= hi;
    setBad(!ok);
    if (ok) void onChange({ runnerPaceMinSeconds: lo, runnerPaceMaxSeconds: hi });
  };
  return (
    <p>
      <label>
        {translate(m, 'pace')} <input data-testid="runner-pace-min" size={3} inputMode="numeric" value={min} onChange={(e) => setMin(e.currentTarget.value)} />
      </label>{' '}
      <label>
        {translate(m, 'to')} <input data-testid="runner-pace-max" size={3} inputMode="numeric" value={max} onChange={(e) => setMax(e.currentTarget.value)} />
      </label>{' '}
      {translate(m, 'seconds')}{' '}
      <button type="button" data-testid="runner-pace-save" onClick={save}>
        {translate(m, 'save')}
      </button>
      {bad ? (
        <span role="alert" data-testid="runner-pace-error">
          {' '}
          {translate(m, 'bad')}
        </span>
      ) : null}
    </p>
  );
}
