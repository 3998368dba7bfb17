import { translate } from '@/utils/i18n/locale';
import type { TimelineEntry } from '@/utils/cases/case-timeline';
import { localDateTime } from '@/utils/cases/warning-letter';
import { panelMessages } from '@/components/panel/panel-messages';
import { casesMessages } from '@/components/cases/cases-messages';
import { caseViewMessages as m } from '@/components/cases/case-view-messages';

// The case's captures and status changes in the order they happened (contract of issue 14:
// `case-timeline`, entries `case-timeline-entry` with data-kind capture | status | takedown).

function EntryText({ entry }: { entry: TimelineEntry }) {
  if (entry.kind === 'status') {
    const { change, from } = entry;
    return (
      <>
        {translate(m, 'statusChange', { from: translate(casesMessages, `status-${from}`), to: translate(casesMessages, `status-${change.status}`) })}
        {change.complaintNo ? <span className="muted"> · {translate(m, 'complaintNo', { no: change.complaintNo })}</span> : null}
        {change.note ? <span className="muted"> · {change.note}</span> : null}
      </>
    );
  }
  const c = entry.capture;
  return (
    <>
      {c.title} <span className="muted">· {c.itemId}</span>
      {c.price.lowest ? <> · ¥{c.price.lowest}</> : null}
      {entry.kind === 'capture' && c.kind === 'listing' ? (
        <span className="muted">
          {' '}
          · {translate(panelMessages, `seller-${c.verdict.seller}`)}, {translate(panelMessages, `price-${c.verdict.price}`)}
        </span>
      ) : null}
    </>
  );
}

export function CaseTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <ol data-testid="case-timeline" style={{ listStyle: 'none', paddingLeft: 0 }}>
      {entries.map((e) => (
        <li
          key={e.kind === 'status' ? `s-${e.at}-${e.change.status}` : e.capture.id}
          data-testid="case-timeline-entry"
          data-kind={e.kind}
          data-at={e.at}
          data-capture-id={e.kind === 'status' ? undefined : e.capture.id}
          data-status={e.kind === 'status' ? e.change.status : undefined}
          style={{
            borderLeft: `3px solid ${e.kind === 'status' ? '#8250df' : e.kind === 'takedown' ? '#1a7f37' : '#1f6feb'}`,
            padding: '2px 8px',
            margin: '4px 0',
          }}
        >
          <span className="muted">{localDateTime(new Date(e.at))}</span> <strong>{translate(m, `kind-${e.kind}`)}</strong> <EntryText entry={e} />
        </li>
      ))}
    </ol>
  );
}
