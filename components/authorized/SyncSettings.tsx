import { useEffect, useState } from 'react';
import { translate } from '@/utils/i18n/locale';
import { readSyncState, readSyncUrl, writeSyncUrl, type SyncState } from '@/utils/authorized/sync-state';
import { syncUrlSchema } from '@/utils/authorized/sync';
import type { ListingProofDatabase } from '@/utils/db/database';
import { database } from '@/utils/db/database';
import { am } from '@/components/authorized/authorized-messages';

export interface SyncSettingsProps {
  /** the URL fixed by policy (managed storage); the field is then read-only */
  managedUrl?: string;
  /** runs one sync (the background's syncAndStore, or a message to it) and resolves when done */
  onSyncNow: (url: string) => Promise<unknown>;
  db?: ListingProofDatabase;
}

const time = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : '');

export function SyncSettings({ managedUrl, onSyncNow, db = database() }: SyncSettingsProps) {
  const [url, setUrl] = useState('');
  const [state, setState] = useState<SyncState | undefined>();
  const [busy, setBusy] = useState(false);
  const [badUrl, setBadUrl] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([readSyncUrl(db), readSyncState(db)]).then(([u, s]) => {
      if (!live) return;
      setUrl((current) => current || u);
      setState(s);
    });
    return () => {
      live = false;
    };
  }, [db]);

  const effective = managedUrl ?? url.trim();
  const save = async () => setBadUrl(!(await writeSyncUrl(url, db)));
  const syncNow = async () => {
    if (!syncUrlSchema.safeParse(effective).success) return setBadUrl(true);
    setBadUrl(false);
    setBusy(true);
    try {
      if (!managedUrl) await writeSyncUrl(effective, db);
      await onSyncNow(effective);
    } finally {
      setState(await readSyncState(db));
      setBusy(false);
    }
  };

  return (
    <fieldset data-testid="authorized-sync" data-managed={managedUrl ? 'true' : 'false'}>
      <legend>{translate(am, 'syncTitle')}</legend>
      <label>
        {translate(am, 'syncUrl')}{' '}
        <input
          type="url"
          data-testid="authorized-sync-url"
          value={managedUrl ?? url}
          disabled={Boolean(managedUrl)}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
      </label>
      {!managedUrl && (
        <button type="button" onClick={() => void save()}>
          {translate(am, 'syncSave')}
        </button>
      )}
      <button type="button" data-testid="authorized-sync-now" disabled={busy || effective === ''} onClick={() => void syncNow()}>
        {translate(am, busy ? 'syncing' : 'syncNow')}
      </button>
      {managedUrl && <p>{translate(am, 'syncManaged')}</p>}
      {badUrl && <p className="bad">{translate(am, 'syncBadUrl')}</p>}
      <p data-testid="authorized-sync-state" data-result={state?.result ?? ''}>
        {state ? translate(am, 'syncLast', { time: time(state.lastAttemptAt), result: translate(am, `sync-${state.result}`) }) : translate(am, 'syncNever')}
        {state?.lastSuccessAt ? ` · ${translate(am, 'syncLastSuccess', { time: time(state.lastSuccessAt) })}` : ''}
        {state?.message ? ` · ${state.message}` : ''}
      </p>
    </fieldset>
  );
}
