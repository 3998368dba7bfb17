import { useEffect, useState } from 'react';
import { browser } from '#imports';
import { translate } from '@/utils/i18n/locale';
import { checkLocker } from '@/utils/locker/connection-check';
import {
  isLockerSet,
  loadLockerSettings,
  lockerSettingsProblems,
  needsHostPermission,
  RETENTION_RANGE,
  saveLockerSettings,
  type LockerField,
  type LockerProblem,
  type LockerSettings as Settings,
} from '@/utils/locker/settings';
import { clearLockerStatus, readLockerStatus, watchLockerStatus, writeLockerStatus, type LockerStatus } from '@/utils/locker/status';
import { endpointOrigin, lockerTarget } from '@/utils/locker/target';
import { lockerMessages as m } from '@/components/locker/locker-messages';

type Draft = Record<LockerField, string>;

const FIELDS: { field: LockerField; testId: string; type?: string }[] = [
  { field: 'endpoint', testId: 'locker-endpoint', type: 'url' },
  { field: 'region', testId: 'locker-region' },
  { field: 'bucket', testId: 'locker-bucket' },
  { field: 'accessKey', testId: 'locker-access-key' },
  { field: 'secretKey', testId: 'locker-secret-key', type: 'password' },
  { field: 'retentionDays', testId: 'locker-retention-days', type: 'number' },
];

const toDraft = (s: Settings): Draft => ({ ...s, retentionDays: String(s.retentionDays) });
const fromDraft = (d: Draft): Settings => ({
  endpoint: d.endpoint.trim(),
  region: d.region.trim(),
  bucket: d.bucket.trim(),
  accessKey: d.accessKey.trim(),
  secretKey: d.secretKey,
  retentionDays: d.retentionDays.trim() === '' ? Number.NaN : Number(d.retentionDays),
});

/** A host other than loopback needs an optional host permission, asked for while the click's gesture lasts. */
async function askHostAccess(s: Settings): Promise<void> {
  if (!needsHostPermission(s)) return;
  try {
    const origins = [`${endpointOrigin(s)}/*`];
    if (!(await browser.permissions.contains({ origins }))) await browser.permissions.request({ origins });
  } catch {
    // refused or unavailable: the connection check will say the locker is unreachable
  }
}

/** Runs the connection check (bucket-level requests only) and records its outcome for `locker-status`. */
async function checkAndRecord(s: Settings): Promise<void> {
  const result = await checkLocker(lockerTarget(s));
  if (result.ok) await writeLockerStatus('ok');
  else await writeLockerStatus('failed', result.reason, result.detail);
}

interface Props {
  /**
   * Render this section's own `settings-save` button. A settings page with one save button for
   * every section passes false and calls the function given to `registerSave` instead.
   */
  ownSaveButton?: boolean;
  registerSave?: (save: () => Promise<boolean>) => void;
}

/** Team evidence locker settings (contract §6.2): endpoint, region, bucket, keys, retention, status. */
export function LockerSettings({ ownSaveButton = true, registerSave }: Props) {
  const [draft, setDraft] = useState<Draft | undefined>();
  const [savedEndpoint, setSavedEndpoint] = useState('');
  const [managed, setManaged] = useState(false);
  const [problems, setProblems] = useState<LockerProblem[]>([]);
  const [status, setStatus] = useState<LockerStatus | undefined>();
  const [checking, setChecking] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let alive = true;
    void (async () => {
      const loaded = await loadLockerSettings();
      if (!alive) return;
      setDraft(toDraft(loaded.settings));
      setManaged(loaded.managed);
      setSavedEndpoint(loaded.settings.endpoint);
      setStatus(await readLockerStatus());
    })();
    const unwatch = watchLockerStatus(setStatus);
    return () => {
      alive = false;
      unwatch();
    };
  }, []);

  const runCheck = async (s: Settings) => {
    setChecking(true);
    try {
      await checkAndRecord(s);
    } finally {
      setChecking(false);
    }
  };

  const save = async (): Promise<boolean> => {
    if (!draft || managed) return true;
    const next = fromDraft(draft);
    const found = lockerSettingsProblems(next);
    setProblems(found);
    if (found.length) return false;
    if (isLockerSet(next)) await askHostAccess(next);
    await saveLockerSettings(next);
    setSavedEndpoint(next.endpoint);
    setSaved(true);
    if (isLockerSet(next)) await runCheck(next);
    else await clearLockerStatus();
    return true;
  };
  registerSave?.(save);

  if (!draft) return null;
  const state = !savedEndpoint ? 'off' : (status?.state ?? 'off');
  const statusText = !savedEndpoint
    ? translate(m, 'statusOff')
    : checking || !status
      ? translate(m, 'statusChecking')
      : status.state === 'ok'
        ? translate(m, 'statusOk')
        : translate(m, 'statusFailed', { reason: translate(m, `reason-${status.reason}` as 'reason-error') });
  return (
    <section data-testid="locker-settings">
      <h2>{translate(m, 'title')}</h2>
      <p className="muted">{translate(m, managed ? 'managed' : 'about')}</p>
      {FIELDS.map(({ field, testId, type }) => (
        <p key={field}>
          <label>
            {translate(m, field)}{' '}
            <input
              data-testid={testId}
              type={type ?? 'text'}
              value={draft[field]}
              readOnly={managed}
              autoComplete="off"
              min={field === 'retentionDays' ? RETENTION_RANGE.min : undefined}
              max={field === 'retentionDays' ? RETENTION_RANGE.max : undefined}
              aria-invalid={problems.some((p) => p.field === field)}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setSaved(false);
                setDraft((d) => (d ? { ...d, [field]: value } : d));
              }}
            />
          </label>
        </p>
      ))}
      {problems.length ? (
        <ul data-testid="locker-problems" className="bad">
          {problems.map((p) => (
            <li key={p.field} data-field={p.field}>
              {translate(m, `problem-${p.code}`, RETENTION_RANGE)}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        {ownSaveButton && !managed ? (
          <button type="button" className="primary" data-testid="settings-save" onClick={() => void save()}>
            {translate(m, 'save')}
          </button>
        ) : null}{' '}
        <button
          type="button"
          data-testid="locker-check"
          disabled={!savedEndpoint || checking}
          onClick={() => void loadLockerSettings().then(({ settings }) => runCheck(settings))}
        >
          {translate(m, 'check')}
        </button>{' '}
        {saved ? <span className="muted">{translate(m, 'saved')}</span> : null}
      </p>
      <p data-testid="locker-status" data-state={state} title={status?.detail ?? ''} className={state === 'failed' ? 'bad' : state === 'ok' ? 'good' : 'muted'}>
        {statusText}
      </p>
    </section>
  );
}
