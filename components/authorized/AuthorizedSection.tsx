import { useCallback, useEffect, useState } from 'react';
import type { ImportProblem } from '@/utils/model/authorized-list';
import { translate } from '@/utils/i18n/locale';
import { importAndStore } from '@/utils/authorized/apply-import';
import { importFilesInWorker } from '@/utils/authorized/import-in-worker';
import { listCounts, loadList, type StoredList } from '@/utils/authorized/list-store';
import { syncAndStore } from '@/utils/authorized/sync-state';
import type { ListingProofDatabase } from '@/utils/db/database';
import { database } from '@/utils/db/database';
import { am } from '@/components/authorized/authorized-messages';
import { AuthorizedImport } from '@/components/authorized/AuthorizedImport';
import { AuthorizedStatus } from '@/components/authorized/AuthorizedStatus';
import { ImportErrors } from '@/components/authorized/ImportErrors';
import { ExportButtons } from '@/components/authorized/ExportButtons';
import { SyncSettings } from '@/components/authorized/SyncSettings';
import { AuthorizedListTable } from '@/components/authorized/AuthorizedListTable';

export interface AuthorizedSectionProps {
  /** URL fixed by policy (managed storage), when there is one */
  managedSyncUrl?: string;
  /** called after the list in force changed (import or sync), e.g. to tell the background */
  onListChanged?: () => void;
  /** defaults to syncing from this page; the background may do it instead */
  onSyncNow?: (url: string) => Promise<unknown>;
  db?: ListingProofDatabase;
}

/** The dashboard's authorized-list section: status, import, problems, export, sync and the list. */
export function AuthorizedSection({ managedSyncUrl, onListChanged, onSyncNow, db = database() }: AuthorizedSectionProps) {
  const [counts, setCounts] = useState({ sellers: 0, products: 0 });
  const [state, setState] = useState<'ok' | 'rejected' | undefined>();
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [browsing, setBrowsing] = useState(false);
  const [stored, setStored] = useState<StoredList | undefined>();

  const refresh = useCallback(async () => {
    setCounts(await listCounts(db));
    setStored(undefined);
  }, [db]);

  useEffect(() => {
    void listCounts(db).then(setCounts);
  }, [db]);

  useEffect(() => {
    if (!browsing || stored) return;
    let live = true;
    void loadList(db).then((s) => live && setStored(s));
    return () => {
      live = false;
    };
  }, [browsing, stored, db]);

  const onFiles = async (files: File[]) => {
    setBusy(true);
    const result = await importAndStore(files, db, importFilesInWorker);
    setBusy(false);
    setState(result.ok ? 'ok' : 'rejected');
    setProblems(result.ok ? [] : result.problems);
    setError(result.ok ? undefined : result.error);
    await refresh();
    if (result.ok) onListChanged?.();
  };

  const syncNow = async (url: string) => {
    await (onSyncNow ?? ((u: string) => syncAndStore(u, { db })))(url);
    await refresh();
    onListChanged?.();
  };

  const empty = counts.sellers + counts.products === 0;
  return (
    <section data-testid="authorized-section">
      <h2>{translate(am, 'title')}</h2>
      <AuthorizedStatus sellers={counts.sellers} products={counts.products} state={state} />
      <AuthorizedImport onFiles={(f) => void onFiles(f)} busy={busy} />
      {state === 'rejected' && <ImportErrors problems={problems} error={error} />}
      <div>
        <ExportButtons disabled={empty} db={db} />{' '}
        <button type="button" disabled={empty} onClick={() => setBrowsing((b) => !b)}>
          {translate(am, browsing ? 'hide' : 'browse')}
        </button>
      </div>
      {browsing && stored && <AuthorizedListTable list={stored.list} />}
      <SyncSettings managedUrl={managedSyncUrl} onSyncNow={syncNow} db={db} />
    </section>
  );
}
