import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { browser } from '#imports';
import { liveQuery } from 'dexie';
import { currentLocale, translate } from '@/utils/i18n/locale';
import { database } from '@/utils/db/database';
import { listCasesWithCaptures, listSearchPageGroup, type CaseWithCaptures } from '@/utils/evidence/capture-queries';
import { exportEvidence } from '@/utils/export/export-from-db';
import { loadSettings } from '@/utils/settings/settings';
import { usableTsas } from '@/utils/settings/tsa-access';
import type { TimestampRecord } from '@/utils/model/trust';
import { evidenceMessages as m } from '@/components/evidence/evidence-messages';
import { CaptureList } from '@/components/evidence/CaptureList';
import { saveBlob } from '@/components/ui/save-blob';
import { setSelected, useSelection } from '@/components/evidence/selection';
import { CaptureFilterBar } from '@/components/evidence/CaptureFilterBar';
import { filterCases, NO_FILTER, type CaptureFilter } from '@/utils/evidence/capture-filter';
import { DEFAULT_SORT, nextSort, type CaptureSort } from '@/utils/evidence/capture-order';
import { listTombstones, type Tombstone } from '@/utils/evidence/tombstones';
import { storageStatus } from '@/utils/evidence/storage-status';
import { DeleteDialog, type DeleteTarget } from '@/components/evidence/DeleteDialog';
import { Tombstones } from '@/components/evidence/Tombstones';
import { deleteMessages as dm } from '@/components/evidence/delete-messages';
import { useLockerStates } from '@/components/locker/use-locker-states';

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; name: string; noSignatureToken?: string }
  | { kind: 'failed'; error: string };

/** Cases and their captures; the selection (or everything) exports as one package. */
export function EvidenceSection() {
  const [cases, setCases] = useState<CaseWithCaptures[]>([]);
  const selected = useSelection();
  const [filter, setFilter] = useState<CaptureFilter>(NO_FILTER);
  const [sort, setSort] = useState<CaptureSort>(DEFAULT_SORT);
  const [timestamps, setTimestamps] = useState<Map<string, TimestampRecord>>(new Map());
  const [actor, setActor] = useState('');
  const [exportState, setExportState] = useState<ExportState>({ kind: 'idle' });
  const [tombstones, setTombstones] = useState<Tombstone[]>([]);
  const [deleting, setDeleting] = useState<DeleteTarget | undefined>();
  const [usedFraction, setUsedFraction] = useState<number | undefined>();
  const [reloads, setReloads] = useState(0);
  const lockerStateOf = useLockerStates();

  useEffect(() => {
    let alive = true;
    void storageStatus().then((s) => alive && setUsedFraction(s.usedFraction));
    void loadSettings().then((s) => alive && setActor(s.investigator));
    // Dexie re-runs the query when the tables it read change, in this page or in the background
    // (captures made in other tabs appear without a reload or polling).
    const db = database();
    const subscription = liveQuery(() =>
      Promise.all([listCasesWithCaptures(db), listSearchPageGroup(db), db.timestamps.toArray(), listTombstones(db)]),
    ).subscribe({
      next: ([c, searchPages, t, gone]) => {
        // the bench times from here to the rows on screen
        performance.mark('listingproof:captures-loaded');
        setCases(searchPages ? [...c, searchPages] : c);
        setTimestamps(new Map(t.map((r) => [r.captureId, r])));
        setTombstones(gone);
      },
      error: () => undefined,
    });
    return () => {
      alive = false;
      subscription.unsubscribe();
    };
  }, [reloads]);

  // rows committed to the DOM for the data just loaded (the bench reads both marks)
  useLayoutEffect(() => {
    if (cases.length) performance.mark('listingproof:captures-rendered');
  }, [cases]);

  const deleted = () => {
    const gone = deleting?.kind === 'capture' ? [deleting.captureId] : (deleting?.captureIds ?? []);
    setDeleting(undefined);
    toggle(gone, false);
    setReloads((n) => n + 1);
  };

  const toggle = setSelected;

  const runExport = async () => {
    setExportState({ kind: 'running', done: 0, total: 0 });
    try {
      const ids = [...selected];
      const oneCase = cases.find((c) => c.case.id !== '' && ids.length > 0 && ids.every((id) => c.captures.some((x) => x.id === id)));
      const settings = await loadSettings();
      const result = await exportEvidence(database(), {
        signing: { investigator: { name: settings.investigator, org: settings.investigatorOrg }, tsas: await usableTsas() },
        captureIds: ids,
        actor,
        softwareVersion: browser.runtime.getManifest().version,
        locale: currentLocale(),
        label: oneCase ? `${oneCase.case.platform}-${oneCase.case.shopKey}` : ids.length ? 'selection' : 'all',
        onProgress: (p) => setExportState({ kind: 'running', done: p.filesDone, total: p.filesTotal }),
      });
      saveBlob(result.fileName, result.blob);
      const sig = result.signature;
      setExportState({
        kind: 'done',
        name: result.fileName,
        noSignatureToken: sig && sig.timestamp !== 'stamped' ? (sig.reason ?? translate(m, 'noTsa')) : undefined,
      });
    } catch (err) {
      setExportState({ kind: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  };

  const total = cases.reduce((n, c) => n + c.captures.length, 0);
  const shownCases = useMemo(() => filterCases(cases, filter), [cases, filter]);
  const shown = shownCases.reduce((n, c) => n + c.captures.length, 0);
  return (
    <section data-testid="evidence-section">
      <h2>
        {translate(m, 'title')} ({total})
      </h2>
      <p>
        <button
          type="button"
          className="primary"
          data-testid="export-button"
          disabled={total === 0 || exportState.kind === 'running'}
          onClick={() => void runExport()}
        >
          {translate(m, selected.size ? 'export' : 'exportAll')}
        </button>{' '}
        <span data-testid="export-status" data-state={exportState.kind}>
          {exportState.kind === 'running' ? translate(m, 'exporting', { done: exportState.done, total: exportState.total }) : null}
          {exportState.kind === 'done' ? translate(m, 'exported', { name: exportState.name }) : null}
          {exportState.kind === 'done' && exportState.noSignatureToken ? (
            <span data-testid="export-signature-note"> {translate(m, 'exportedNoSignatureToken', { reason: exportState.noSignatureToken })}</span>
          ) : null}
          {exportState.kind === 'failed' ? <span className="bad">{translate(m, 'exportFailed', { error: exportState.error })}</span> : null}
        </span>
      </p>
      {exportState.kind === 'running' && exportState.total > 0 ? <progress max={exportState.total} value={exportState.done} /> : null}
      {usedFraction !== undefined && usedFraction > 0.8 ? (
        <p className="bad" data-testid="storage-nearly-full">
          {translate(dm, 'nearlyFull', { pct: Math.round(usedFraction * 100) })}
        </p>
      ) : null}
      {deleting ? <DeleteDialog target={deleting} actor={actor} onDone={deleted} onCancel={() => setDeleting(undefined)} /> : null}
      {total === 0 ? <p className="muted">{translate(m, 'none')}</p> : <CaptureFilterBar filter={filter} onChange={setFilter} shown={shown} total={total} />}
      {shown > 0 ? (
        <CaptureList
          cases={shownCases}
          listKey={JSON.stringify(filter)}
          sort={sort}
          onSort={(key) => setSort((current) => nextSort(current, key))}
          selected={selected}
          onSelect={toggle}
          timestamps={timestamps}
          lockerStateOf={lockerStateOf}
          actor={actor}
          onDelete={setDeleting}
        />
      ) : null}
      <Tombstones tombstones={tombstones} />
    </section>
  );
}
