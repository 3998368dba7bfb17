import { useState } from 'react';
import { translate } from '@/utils/i18n/locale';
import type { CaptureRecord } from '@/utils/model/capture';
import type { TimestampRecord } from '@/utils/model/trust';
import { evidenceMessages as m } from '@/components/evidence/evidence-messages';
import { CaptureDetails } from '@/components/evidence/CaptureDetails';
import { panelMessages } from '@/components/panel/panel-messages';
import { deleteMessages } from '@/components/evidence/delete-messages';
import { lockerMessages } from '@/components/locker/locker-messages';
import type { LockerFileState } from '@/utils/locker/queue-record';

interface Props {
  capture: CaptureRecord;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  actor: string;
  /** the capture's timestamp row; none for captures stored before seals existed */
  timestamp?: TimestampRecord;
  onDelete: () => void;
  /** the team locker's state of this capture; absent when no locker is set */
  lockerState?: LockerFileState;
}

/** A token more than 10 minutes after the capture proves existence from its own time only (§6.6). */
function lateMinutes(capture: CaptureRecord, timestamp: TimestampRecord | undefined): number | undefined {
  if (timestamp?.status !== 'stamped' || !timestamp.genTime) return undefined;
  const late = Date.parse(timestamp.genTime) - Date.parse(capture.capturedAt);
  return late > 10 * 60_000 ? Math.round(late / 60_000) : undefined;
}

/** One stored capture (contract §2: `evidence-row` with an `evidence-select` checkbox). */
export function CaptureRow({ capture, selected, onSelect, actor, timestamp, onDelete, lockerState }: Props) {
  const [open, setOpen] = useState(false);
  const bad = capture.verdict.seller === 'unauthorized' || capture.verdict.seller === 'expired' || capture.verdict.price === 'below-min';
  return (
    <>
      {/* No row: stored before seals, so never to be stamped: as final as a refusal. */}
      <tr data-testid="evidence-row" data-evidence-id={capture.id} data-timestamp={timestamp?.status ?? 'failed'} data-locker={lockerState}>
        <td>
          <input type="checkbox" data-testid="evidence-select" checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} aria-label={capture.id} />
        </td>
        <td>
          <div>{capture.kind === 'search' ? `${translate(m, 'searchPage')}: ${capture.title}` : capture.title}</div>
          <div className="muted">
            {capture.shop.name || capture.shop.id} · {capture.platform} · {capture.itemId} · {capture.kind}
          </div>
          {lockerState ? <div className={lockerState === 'failed' ? 'bad' : 'muted'}>{translate(lockerMessages, `row-${lockerState}`)}</div> : null}
        </td>
        <td>{capture.price.lowest ? `¥${capture.price.lowest}` : '—'}</td>
        <td className={bad ? 'bad' : ''} data-seller={capture.verdict.seller} data-price={capture.verdict.price}>
          <div>{translate(panelMessages, `seller-${capture.verdict.seller}`)}</div>
          <div className="muted">{translate(panelMessages, `price-${capture.verdict.price}`)}</div>
        </td>
        <td>
          <div>{capture.capturedAt}</div>
          <div
            className={timestamp?.status === 'stamped' ? 'good' : timestamp?.status === 'pending' ? 'muted' : 'bad'}
            title={timestamp?.lastError ?? timestamp?.tsa ?? ''}
          >
            {timestamp?.status === 'stamped'
              ? translate(m, 'trustedTime', { time: timestamp.genTime ?? '' })
              : translate(m, timestamp ? (timestamp.status === 'pending' ? 'timestampPending' : 'timestampFailed') : 'noSeal')}
            {lateMinutes(capture, timestamp) ? ` ${translate(m, 'stampedLate', { minutes: lateMinutes(capture, timestamp)! })}` : null}
          </div>
        </td>
        <td>
          <button type="button" onClick={() => setOpen(!open)}>
            {translate(m, open ? 'hide' : 'details')}
          </button>{' '}
          <button type="button" data-testid="evidence-delete" onClick={onDelete}>
            {translate(deleteMessages, 'deleteCapture')}
          </button>
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={6}>
            <CaptureDetails capture={capture} actor={actor} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
