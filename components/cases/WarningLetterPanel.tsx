import { useEffect, useState } from 'react';
import { currentLocale, translate } from '@/utils/i18n/locale';
import type { CaseWithCaptures } from '@/utils/evidence/capture-queries';
import { loadSettings } from '@/utils/settings/settings';
import { defaultDeadline, fillLetter, LETTER_PLACEHOLDERS, localDateTime } from '@/utils/cases/warning-letter';
import { letterData } from '@/utils/cases/letter-data';
import { letterHtml } from '@/utils/cases/letter-html';
import { loadLetterTemplate, resetLetterTemplate, saveLetterTemplate } from '@/utils/cases/letter-template';
import { saveBlob } from '@/components/ui/save-blob';
import { caseViewMessages as m } from '@/components/cases/case-view-messages';

/** The warning letter: the editable template, the deadline (48 h by default) and the printable page. */
export function WarningLetterPanel({ item }: { item: CaseWithCaptures }) {
  const [template, setTemplate] = useState<string | undefined>();
  const [deadline, setDeadline] = useState(() => localDateTime(defaultDeadline()).replace(' ', 'T'));
  const [note, setNote] = useState('');
  useEffect(() => {
    void loadLetterTemplate(currentLocale()).then((t) => setTemplate(t.template));
  }, []);

  const open = async () => {
    const settings = await loadSettings();
    const due = new Date(deadline);
    const data = letterData(item, settings, Number.isNaN(due.getTime()) ? defaultDeadline() : due);
    // the platform as people write it, in the letter's language
    const filled = fillLetter(template ?? '', { ...data, platform: translate(m, `platform-${item.case.platform}`) });
    const title = `${translate(m, 'letterTitle')} ${item.case.shopName}`;
    const blob = new Blob([letterHtml(filled.text, title, currentLocale())], { type: 'text/html;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const tab = window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    if (!tab) saveBlob(`warning-letter-${item.case.platform}-${item.case.shopKey}.html`, blob);
    const unknown = filled.unknown.length ? ` ${translate(m, 'letterUnknown', { names: filled.unknown.join(', ') })}` : '';
    setNote(translate(m, tab ? 'letterOpened' : 'letterBlocked') + unknown);
  };

  const save = async () => {
    try {
      await saveLetterTemplate(template ?? '');
      setNote(translate(m, 'letterSaved'));
    } catch (err) {
      setNote(translate(m, 'failed', { error: err instanceof Error ? err.message : String(err) }));
    }
  };

  const reset = async () => {
    await resetLetterTemplate();
    setTemplate((await loadLetterTemplate(currentLocale())).template);
  };

  return (
    <details data-testid="warning-letter-panel" open>
      <summary>{translate(m, 'letterTitle')}</summary>
      <label>
        {translate(m, 'letterTemplate', { names: LETTER_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ') })}
        <textarea
          data-testid="warning-letter-template"
          value={template ?? ''}
          disabled={template === undefined}
          onChange={(e) => setTemplate(e.currentTarget.value)}
          rows={12}
          style={{ width: '100%', font: 'inherit', boxSizing: 'border-box' }}
        />
      </label>
      <p>
        <label>
          {translate(m, 'letterDeadline')}{' '}
          <input type="datetime-local" data-testid="warning-letter-deadline" value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} />
        </label>{' '}
        <button type="button" data-testid="warning-letter-save" onClick={() => void save()}>
          {translate(m, 'letterSave')}
        </button>{' '}
        <button type="button" onClick={() => void reset()}>
          {translate(m, 'letterReset')}
        </button>{' '}
        <button type="button" className="primary" data-testid="case-warning-letter" disabled={template === undefined} onClick={() => void open()}>
          {translate(m, 'letterOpen')}
        </button>
      </p>
      {note ? (
        <p className="muted" data-testid="warning-letter-status">
          {note}
        </p>
      ) : null}
    </details>
  );
}
