import { useEffect, useState } from 'react';
import { translate } from '@/utils/i18n/locale';
import { database, type ListingProofDatabase } from '@/utils/db/database';
import { deleteCaptures, deleteCase, unexportedAmong } from '@/utils/evidence/delete-evidence';
import { deleteMessages as m } from '@/components/evidence/delete-messages';

export type DeleteTarget = { kind: 'capture'; captureId: string } | { kind: 'case'; caseId: string; shopName: string; captureIds: string[] };

interface Props {
  target: DeleteTarget;
  actor: string;
  onDone: () => void;
  onCancel: () => void;
  db?: ListingProofDatabase;
}

/** Asks why (required) and, for evidence never exported, an explicit confirmation; then deletes on the record. */
export function DeleteDialog({ target, actor, onDone, onCancel, db = database() }: Props) {
  const ids = target.kind === 'capture' ? [target.captureId] : target.captureIds;
  const [reason, setReason] = useState('');
  const [unexported, setUnexported] = useState<number | undefined>();
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const idsKey = ids.join(',');
  useEffect(() => {
    void unexportedAmong(db, idsKey ? idsKey.split(',') : []).then((list) => setUnexported(list.length));
  }, [idsKey, db]);

  const run = async () => {
    setBusy(true);
    setError('');
    try {
      const options = { actor, reason, confirmUnexported: confirmed };
      if (target.kind === 'capture') await deleteCaptures(db, [target.captureId], options);
      else await deleteCase(db, target.caseId, options);
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const blocked = busy || !reason.trim() || unexported === undefined || (unexported > 0 && !confirmed);
  return (
    <div role="dialog" data-testid="delete-dialog" data-kind={target.kind}>
      <h3>{target.kind === 'capture' ? translate(m, 'titleCapture') : translate(m, 'titleCase', { shop: target.shopName, n: ids.length })}</h3>
      <p className="muted">{translate(m, 'explain')}</p>
      <label>
        {translate(m, 'reason')}
        <br />
        <textarea data-testid="delete-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} rows={2} cols={60} />
      </label>
      {unexported ? (
        <p>
          <label>
            <input type="checkbox" data-testid="delete-confirm-unexported" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />{' '}
            {translate(m, 'unexported', { n: unexported })}
          </label>
        </p>
      ) : null}
      <p>
        <button type="button" className="danger" data-testid="delete-confirm" disabled={blocked} onClick={() => void run()}>
          {translate(m, 'confirm')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {translate(m, 'cancel')}
        </button>
      </p>
      {error ? (
        <p className="bad" data-testid="delete-error">
          {translate(m, 'failed', { error })}
        </p>
      ) : null}
    </div>
  );
}
