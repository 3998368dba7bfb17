import { useState } from 'react';
import { translate } from '@/utils/i18n/locale';
import { CASE_STATUSES, type CaseStatus } from '@/utils/model/case-status';
import type { CaseWithCaptures } from '@/utils/evidence/capture-queries';
import { appealDeadline, daysLeft, lastChangeTo, statusOf } from '@/utils/cases/case-status';
import { channelOf } from '@/utils/complaints/channels';
import { casesMessages as m } from '@/components/cases/cases-messages';
import { caseViewMessages as vm } from '@/components/cases/case-view-messages';
import { caseHref } from '@/components/cases/case-route';

interface Props {
  item: CaseWithCaptures;
  onStatus: (status: CaseStatus, complaintNo: string) => Promise<void>;
}

const day = (iso: string) => iso.slice(0, 10);

/** One case (contract §6.2 `case-row`): status with its date, appeal countdown, repeat flag. */
export function CaseRow({ item, onStatus }: Props) {
  const { case: c, captures } = item;
  const status = statusOf(c);
  const [complaintNo, setComplaintNo] = useState('');
  const [busy, setBusy] = useState(false);
  const since = lastChangeTo(c, status)?.at ?? c.createdAt;
  const deadline = appealDeadline(c);
  const left = deadline ? daysLeft(deadline) : 0;
  // the shop id as the pages gave it (the case key is the normalised name when they gave none)
  const shopId = captures.find((x) => x.shop.id)?.shop.id ?? '';
  const prices = captures.map((x) => x.price.lowest).filter((p) => p !== '');
  const lowest = prices.length ? prices.reduce((a, b) => (Number(a) <= Number(b) ? a : b)) : '';
  const change = async (next: CaseStatus) => {
    setBusy(true);
    try {
      await onStatus(next, complaintNo);
      setComplaintNo('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-testid="case-row" data-case-id={c.id} data-platform={c.platform} data-shop-id={shopId} data-status={status} data-channel={channelOf(c.platform)}>
      <td>
        <div>
          <a href={caseHref(c.id)} data-testid="case-open" title={translate(vm, 'open')}>
            {c.shopName || shopId}
          </a>
        </div>
        <div className="muted">
          {c.platform} · {shopId || '—'}
        </div>
        {c.repeatOffender ? <div className="bad">{translate(m, 'repeat')}</div> : null}
      </td>
      <td>{captures.length}</td>
      <td>{lowest ? `¥${lowest}` : '—'}</td>
      <td>
        <select
          data-testid="case-status"
          value={status}
          disabled={busy}
          aria-label={translate(m, 'status')}
          onChange={(e) => void change(e.currentTarget.value as CaseStatus)}
        >
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {translate(m, `status-${s}`)}
            </option>
          ))}
        </select>{' '}
        <span className="muted">{translate(m, 'since', { date: day(since) })}</span>
        {status === 'found' || status === 'warned' ? (
          <div>
            <input
              data-testid="case-complaint-no"
              placeholder={translate(m, 'complaintNo')}
              value={complaintNo}
              onChange={(e) => setComplaintNo(e.currentTarget.value)}
              size={16}
            />
          </div>
        ) : null}
        {lastChangeTo(c, 'complained')?.complaintNo ? (
          <div className="muted">
            {translate(m, 'complaintNo')}: {lastChangeTo(c, 'complained')?.complaintNo}
          </div>
        ) : null}
        {deadline ? (
          <div className={left <= 3 ? 'bad' : ''} data-testid="appeal-deadline" data-days-left={left}>
            {left >= 0
              ? translate(m, 'appealDeadline', { date: day(deadline.toISOString()), days: left })
              : translate(m, 'appealOverdue', { date: day(deadline.toISOString()), days: -left })}
          </div>
        ) : null}
      </td>
    </tr>
  );
}
