import { useState } from 'react';
import { translate } from '@/utils/i18n/locale';
import type { CaptureRecord } from '@/utils/model/capture';
import { evidenceMessages as m } from '@/components/evidence/evidence-messages';
import { CaptureDetails } from '@/components/evidence/CaptureDetails';
import { panelMessages } from '@/components/panel/panel-messages';
import { lockerMessages } from '@/components/locker/locker-messages';
import type { LockerFileState } from '@/utils/locker/queue-record';

interface Props {
  capture: CaptureRecord;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  actor: string;
  /** the team locker's state of this capture; absent when no locker is set */
  lockerState?: LockerFileState;
}

/** One stored capture (contract §2: `evidence-row` with an `evidence-select` checkbox). */
export function CaptureRow({ capture, selected, onSelect, actor, lockerState }: Props) {
  const [open, setOpen] = useState(false);
  const bad = capture.verdict.seller === 'unauthorized' || capture.verdict.seller === 'expired' || capture.verdict.price === 'below-min';
  return (
    <>
      <tr data-testid="evidence-row" data-evidence-id={capture.id} data-locker={lockerState}>
        <td>
          <input type="checkbox" data-testid="evidence-select" checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} aria-label={capture.id} />
        </td>
        <td>
          <div>{capture.title}</div>
          <div className="muted">{capture.platform} · {capture.itemId} · {capture.kind}</div>
          {lockerState ? <div className={lockerState === 'failed' ? 'bad' : 'muted'}>{translate(lockerMessages, `row-${lockerState}`)}</div> : null}
        </td>
        <td>{capture.price.lowest ? `¥${capture.price.lowest}` : '—'}</td>
        <td className={bad ? 'bad' : ''} data-seller={capture.verdict.seller} data-price={capture.verdict.price}>
          <div>{translate(panelMessages, `seller-${capture.verdict.seller}`)}</div>
          <div className="muted">{translate(panelMessages, `price-${capture.verdict.price}`)}</div>
        </td>
        <td>{capture.capturedAt}</td>
        <td>
          <button type="button" onClick={() => setOpen(!open)}>{translate(m, open ? 'hide' : 'details')}</button>
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
