import { useCallback, useEffect, useRef, useState } from 'react';
import { translate } from '@/utils/i18n/locale';
import type { VerifyResult } from '@/utils/export/verify-package';
import type { LockerCaptureRef } from '@/utils/locker/list-captures';
import { LockerError } from '@/utils/locker/s3-request';
import { listTeamCaptures, type TeamListProgress, type TeamRow } from '@/utils/team/list-team-captures';
import { downloadFromLocker, teamLockerTarget, verifyDownloaded } from '@/utils/team/team-download';
import { saveBlob } from '@/components/ui/save-blob';
import { VerifyTrust } from '@/components/evidence/VerifyTrust';
import { verifyMessages as vm } from '@/components/evidence/verify-messages';
import { TeamCaptureRow } from '@/components/team/TeamCaptureRow';
import { teamMessages as m } from '@/components/team/team-messages';

// `#team`: every investigator's captures in the team locker, read straight from the bucket by
// this page; any of them downloaded as a package signed by this investigator, or verified offline.

type ListState =
  | { kind: 'listing'; progress: TeamListProgress }
  | { kind: 'ready'; rows: TeamRow[] }
  | { kind: 'error'; reason: 'not-set' | 'unreachable' | 'refused' | 'error'; detail: string };

type Work =
  | { kind: 'running'; done: number; total: number }
  | { kind: 'verified'; name: string; ids: string[]; result: VerifyResult }
  | { kind: 'failed'; detail: string };

const keyOf = (r: LockerCaptureRef) => `${r.keyId}/${r.captureId}`;
const refOf = (row: TeamRow) => (row.ok ? row.capture.ref : row.ref);

function failure(e: unknown): Extract<ListState, { kind: 'error' }> {
  const detail = e instanceof Error ? e.message : String(e);
  if (e instanceof LockerError) return { kind: 'error', reason: e.kind === 'outage' ? 'unreachable' : 'refused', detail };
  return { kind: 'error', reason: /no team locker is set/.test(detail) ? 'not-set' : 'error', detail };
}

export function TeamSection() {
  const [list, setList] = useState<ListState>({ kind: 'listing', progress: { done: 0, total: 0 } });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [work, setWork] = useState<Work | undefined>();
  const latest = useRef(0);

  const load = useCallback(async () => {
    const run = ++latest.current; // a newer refresh wins over one still running
    try {
      const target = await teamLockerTarget();
      const rows = await listTeamCaptures(target, (progress) => run === latest.current && setList({ kind: 'listing', progress }));
      if (run === latest.current) setList({ kind: 'ready', rows });
    } catch (e) {
      if (run === latest.current) setList(failure(e));
    }
  }, []);
  useEffect(() => void load(), [load]);
  const refresh = () => {
    setList({ kind: 'listing', progress: { done: 0, total: 0 } });
    void load();
  };

  const build = async (refs: LockerCaptureRef[], then: 'save' | 'verify') => {
    setWork({ kind: 'running', done: 0, total: 0 });
    try {
      const pkg = await downloadFromLocker(refs, (p) => setWork({ kind: 'running', done: p.filesDone, total: p.filesTotal }));
      if (then === 'save') saveBlob(pkg.fileName, pkg.blob);
      const result = await verifyDownloaded(pkg);
      setWork({ kind: 'verified', name: pkg.fileName, ids: refs.map((r) => r.captureId), result });
    } catch (e) {
      setWork({ kind: 'failed', detail: e instanceof Error ? e.message : String(e) });
    }
  };

  const rows = list.kind === 'ready' ? list.rows : [];
  const busy = work?.kind === 'running';
  const chosen = rows.map(refOf).filter((r) => selected.has(keyOf(r)));
  return (
    <section data-testid="team-section">
      <h2>{translate(m, 'title')}</h2>
      <p className="muted">{translate(m, 'about')}</p>
      <p>
        <button type="button" data-testid="team-refresh" disabled={list.kind === 'listing'} onClick={refresh}>
          {translate(m, 'refresh')}
        </button>{' '}
        <button type="button" data-testid="team-download-selected" disabled={busy || !chosen.length} onClick={() => void build(chosen, 'save')}>
          {translate(m, 'downloadSelected')}
        </button>
      </p>
      {list.kind === 'listing' ? (
        <p role="status" data-testid="team-progress" data-done={list.progress.done} data-total={list.progress.total}>
          {list.progress.total ? translate(m, 'listing', { ...list.progress }) : translate(m, 'listingPrefixes')}
        </p>
      ) : null}
      {list.kind === 'error' ? (
        <p role="alert" className="bad" data-testid="team-error" data-reason={list.reason}>
          {translate(m, `error-${list.reason}`, { detail: list.detail })}
        </p>
      ) : null}
      {list.kind === 'ready' ? (
        <p data-testid="team-count" data-value={rows.length}>
          {rows.length ? translate(m, 'count', { count: rows.length, keys: new Set(rows.map((r) => refOf(r).keyId)).size }) : translate(m, 'empty')}
        </p>
      ) : null}
      {work?.kind === 'running' ? (
        <p role="status" data-testid="team-working">
          {translate(m, 'working', work)}
        </p>
      ) : null}
      {work?.kind === 'failed' ? (
        <p role="alert" className="bad" data-testid="team-work-error">
          {translate(m, 'failed', { detail: work.detail })}
        </p>
      ) : null}
      {work?.kind === 'verified' ? (
        <div data-testid="team-verify-result" data-status={work.result.status} data-capture-ids={work.ids.join(' ')}>
          <p>
            {translate(m, 'verified', { name: work.name })}{' '}
            {work.result.status === 'intact'
              ? `✓ ${translate(vm, 'intact', { count: work.result.files.length })}`
              : `✗ ${work.result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`}
          </p>
          <VerifyTrust result={work.result} />
        </div>
      ) : null}
      {rows.length ? (
        <table>
          <thead>
            <tr>
              <th />
              <th>{translate(m, 'who')}</th>
              <th>{translate(m, 'when')}</th>
              <th>{translate(m, 'shop')}</th>
              <th>{translate(m, 'verdict')}</th>
              <th>{translate(m, 'actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const ref = refOf(row);
              const k = keyOf(ref);
              return (
                <TeamCaptureRow
                  key={k}
                  row={row}
                  selected={selected.has(k)}
                  busy={busy}
                  onSelect={(on) => setSelected((s) => (on ? new Set([...s, k]) : new Set([...s].filter((x) => x !== k))))}
                  onDownload={() => void build([ref], 'save')}
                  onVerify={() => void build([ref], 'verify')}
                />
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
