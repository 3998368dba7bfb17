import { useEffect, useState } from 'react';
import { browser } from '#imports';
import { liveQuery } from 'dexie';
import { currentLocale, translate } from '@/utils/i18n/locale';
import { database } from '@/utils/db/database';
import { listCasesWithCaptures, type CaseWithCaptures } from '@/utils/evidence/capture-queries';
import { exportEvidence } from '@/utils/export/export-from-db';
import { loadSettings } from '@/utils/settings/settings';
import { evidenceMessages as m } from '@/components/evidence/evidence-messages';
import { CaptureRow } from '@/components/evidence/CaptureRow';
import { saveBlob } from '@/components/ui/save-blob';
import { useLockerStates } from '@/components/locker/use-locker-states';

type ExportState = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; name: string } | { kind: 'failed'; error: string };

/** Cases and their captures; the selection (or everything) exports as one package. */
export function EvidenceSection() {
  const [cases, setCases] = useState<CaseWithCaptures[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [actor, setActor] = useState('');
  const [exportState, setExportState] = useState<ExportState>({ kind: 'idle' });
  const lockerStateOf = useLockerStates();

  useEffect(() => {
    let alive = true;
    void loadSettings().then((s) => alive && setActor(s.investigator));
    // Dexie re-runs the query when the tables it read change, in this page or in the background
    // (captures made in other tabs appear without a reload or polling).
    const subscription = liveQuery(() => listCasesWithCaptures(database())).subscribe({ next: setCases, error: () => undefined });
    return () => {
      alive = false;
      subscription.unsubscribe();
    };
  }, []);

  const toggle = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const runExport = async () => {
    setExportState({ kind: 'running', done: 0, total: 0 });
    try {
      const ids = [...selected];
      const oneCase = cases.find((c) => ids.length > 0 && ids.every((id) => c.captures.some((x) => x.id === id)));
      const result = await exportEvidence(database(), {
        captureIds: ids,
        actor,
        softwareVersion: browser.runtime.getManifest().version,
        locale: currentLocale(),
        label: oneCase ? `${oneCase.case.platform}-${oneCase.case.shopKey}` : ids.length ? 'selection' : 'all',
        onProgress: (p) => setExportState({ kind: 'running', done: p.filesDone, total: p.filesTotal }),
      });
      saveBlob(result.fileName, result.blob);
      setExportState({ kind: 'done', name: result.fileName });
    } catch (err) {
      setExportState({ kind: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  };

  const total = cases.reduce((n, c) => n + c.captures.length, 0);
  return (
    <section data-testid="evidence-section">
      <h2>{translate(m, 'title')} ({total})</h2>
      <p>
        <button type="button" className="primary" data-testid="export-button" disabled={total === 0 || exportState.kind === 'running'} onClick={() => void runExport()}>
          {translate(m, selected.size ? 'export' : 'exportAll')}
        </button>{' '}
        <span data-testid="export-status" data-state={exportState.kind}>
          {exportState.kind === 'running' ? translate(m, 'exporting', { done: exportState.done, total: exportState.total }) : null}
          {exportState.kind === 'done' ? translate(m, 'exported', { name: exportState.name }) : null}
          {exportState.kind === 'failed' ? <span className="bad">{translate(m, 'exportFailed', { error: exportState.error })}</span> : null}
        </span>
      </p>
      {exportState.kind === 'running' && exportState.total > 0 ? <progress max={exportState.total} value={exportState.done} /> : null}
      {total === 0 ? <p className="muted">{translate(m, 'none')}</p> : null}
      {cases.map((c) => (
        <div key={c.case.id} data-testid="case" data-case-id={c.case.id}>
          <h3>
            <label>
              <input type="checkbox" aria-label={translate(m, 'selectCase')} checked={c.captures.length > 0 && c.captures.every((x) => selected.has(x.id))} onChange={(e) => toggle(c.captures.map((x) => x.id), e.currentTarget.checked)} />{' '}
              {translate(m, 'case', { shop: c.case.shopName, platform: c.case.platform })}
            </label>
          </h3>
          <table>
            <tbody>
              {c.captures.map((cap) => (
                <CaptureRow key={cap.id} capture={cap} actor={actor} lockerState={lockerStateOf?.(cap.id)} selected={selected.has(cap.id)} onSelect={(on) => toggle([cap.id], on)} />
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
