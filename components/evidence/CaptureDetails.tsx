import { useEffect, useState } from 'react';
import { translate } from '@/utils/i18n/locale';
import type { CaptureRecord } from '@/utils/model/capture';
import { database } from '@/utils/db/database';
import { loadCapture, setCaptureNotes } from '@/utils/evidence/capture-queries';
import { appendCustody } from '@/utils/evidence/custody';
import { evidenceMessages as m } from '@/components/evidence/evidence-messages';

/** One capture opened: its images, files with hashes, warnings and notes. Opening it is logged. */
export function CaptureDetails({ capture, actor }: { capture: CaptureRecord; actor: string }) {
  const [images, setImages] = useState<{ path: string; url: string }[]>([]);
  const [notes, setNotes] = useState(capture.notes ?? '');
  useEffect(() => {
    let urls: string[] = [];
    void appendCustody(database(), { event: 'view', captureId: capture.id, actor, detail: 'opened in the dashboard' });
    void loadCapture(database(), capture.id).then((loaded) => {
      const shown = [...(loaded?.blobs ?? [])].filter(([path]) => /\.(png|jpe?g|webp|gif)$/i.test(path)).slice(0, 8);
      const made = shown.map(([path, blob]) => ({ path, url: URL.createObjectURL(blob) }));
      urls = made.map((x) => x.url);
      setImages(made);
    });
    return () => urls.forEach((u) => URL.revokeObjectURL(u));
  }, [capture.id, actor]);
  const save = () =>
    setCaptureNotes(database(), capture.id, notes, async (db) => {
      await appendCustody(db, { event: 'note', captureId: capture.id, actor, detail: notes.trim() ? `note: ${notes.trim().slice(0, 500)}` : 'note removed' });
    });
  return (
    <div data-testid="capture-details">
      <p className="muted">
        {translate(m, 'investigator')}: {capture.investigator || '—'} · {capture.environment.browser} · {capture.environment.os} ·{' '}
        {capture.environment.timeZone}
      </p>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        {images.map((img) => (
          <a key={img.path} href={img.url} target="_blank" rel="noreferrer">
            <img src={img.url} alt={img.path} style={{ maxWidth: 240, maxHeight: 180, border: '1px solid #d0d7de' }} />
          </a>
        ))}
      </div>
      <table>
        <thead>
          <tr>
            <th>{translate(m, 'file')}</th>
            <th>{translate(m, 'method')}</th>
            <th>{translate(m, 'sha256')}</th>
          </tr>
        </thead>
        <tbody>
          {capture.artifacts.map((a) => (
            <tr key={a.path}>
              <td>
                {a.path} <span className="muted">({a.bytes} B)</span>
              </td>
              <td>
                {a.method}
                {a.note ? <div className="muted">{a.note}</div> : null}
              </td>
              <td className="hash">{a.sha256}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {capture.warnings.length ? (
        <details>
          <summary>
            {translate(m, 'warnings')} ({capture.warnings.length})
          </summary>
          <ul>
            {capture.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <p>
        <label>
          {translate(m, 'notes')}
          <br />
          <textarea data-testid="capture-notes" value={notes} onChange={(e) => setNotes(e.currentTarget.value)} rows={3} style={{ width: '100%' }} />
        </label>
        <button type="button" onClick={() => void save()}>
          {translate(m, 'saveNotes')}
        </button>
      </p>
    </div>
  );
}
