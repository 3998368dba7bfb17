import { useState } from 'react';
import { translate } from '@/utils/i18n/locale';
import { CASE_STATUSES, type CaseStatus } from '@/utils/model/case-status';
import type { CaseWithCaptures } from '@/utils/evidence/capture-queries';
import { appealDeadline, daysLeft, lastChangeTo, statusOf } from '@/utils/cases/case-status';
import { casesMessages as cm } from '@/components/cases/cases-messages';
import { caseViewMessages as m } from '@/components/cases/case-view-messages';

/** Who the case is about and where it stands: platform, shop, shop id, status, appeal countdown, repeat flag. */
export function CaseHeader({ item, busy, onStatus }: { item: CaseWithCaptures; busy: boolean; onStatus: (s: CaseStatus, complaintNo: string) => void }) {
  const [complaintNo, setComplaintNo] = useState('');
  const c = item.case;
  const status = statusOf(c);
  const shopId = item.captures.find((x) => x.shop.id)?.shop.id ?? '';
  const since = (lastChangeTo(c, status)?.at ?? c.createdAt).slice(0, 10);
  const deadline = appealDeadline(c);
  const left = deadline ? daysLeft(deadline) : 0;
  return (
    <header
      data-testid="case-view-header"
      data-platform={c.platform}
      data-shop-id={shopId}
      data-status={status}
      data-repeat-offender={c.repeatOffender ? 'true' : 'false'}
    >
      <h2 style={{ marginBottom: 4 }}>{c.shopName || shopId}</h2>
      <div className="muted">
        {translate(m, 'platform')}: {c.platform} · {translate(m, 'shopId')}: {shopId || '—'}
      </div>
      <div>
        {translate(m, 'status')}:{' '}
        <select
          data-testid="case-view-status"
          value={status}
          disabled={busy}
          aria-label={translate(m, 'status')}
          onChange={(e) => {
            onStatus(e.currentTarget.value as CaseStatus, complaintNo);
            setComplaintNo('');
          }}
        >
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {translate(cm, `status-${s}`)}
            </option>
          ))}
        </select>{' '}
        <span className="muted">{translate(cm, 'since', { date: since })}</span>
        {status === 'found' || status === 'warned' ? (
          <>
            {' '}
            <input
              data-testid="case-view-complaint-no"
              placeholder={translate(cm, 'complaintNo')}
              value={complaintNo}
              onChange={(e) => setComplaintNo(e.currentTarget.value)}
              size={16}
            />
          </>
        ) : null}
        {lastChangeTo(c, 'complained')?.complaintNo ? (
          <span className="muted">
            {' '}
            · {translate(cm, 'complaintNo')}: {lastChangeTo(c, 'complained')?.complaintNo}
          </span>
        ) : null}
      </div>
      {deadline ? (
        <div className={left <= 3 ? 'bad' : ''} data-testid="appeal-deadline" data-days-left={left}>
          {left >= 0
            ? translate(cm, 'appealDeadline', { date: deadline.toISOString().slice(0, 10), days: left })
            : translate(cm, 'appealOverdue', { date: deadline.toISOString().slice(0, 10), days: -left })}
        </div>
      ) : null}
      {c.repeatOffender ? (
        <div className="bad" data-testid="case-repeat-offender">
          {translate(cm, 'repeat')}
        </div>
      ) : null}
    </header>
  );
}
