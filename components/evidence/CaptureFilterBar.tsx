import { translate } from '@/utils/i18n/locale';
import { CASE_STATUSES } from '@/utils/model/case-status';
import { PLATFORMS } from '@/utils/model/listing';
import type { CaptureFilter, FindingFilter } from '@/utils/evidence/capture-filter';
import { filterMessages as m } from '@/components/evidence/filter-messages';
import { casesMessages } from '@/components/cases/cases-messages';

const FINDINGS = ['any-finding', 'unauthorized', 'expired', 'below-min', 'no-finding'] as const satisfies readonly FindingFilter[];

/** Search and filters above the capture list; `shown` of `total` captures match. */
export function CaptureFilterBar({
  filter,
  onChange,
  shown,
  total,
}: {
  filter: CaptureFilter;
  onChange: (f: CaptureFilter) => void;
  shown: number;
  total: number;
}) {
  const set = (patch: Partial<CaptureFilter>) => onChange({ ...filter, ...patch });
  return (
    <p data-testid="capture-filter" data-shown={shown}>
      <input
        type="search"
        data-testid="capture-filter-text"
        placeholder={translate(m, 'search')}
        value={filter.text}
        onChange={(e) => set({ text: e.currentTarget.value })}
        size={24}
      />{' '}
      <select
        data-testid="capture-filter-platform"
        aria-label={translate(m, 'platform')}
        value={filter.platform}
        onChange={(e) => set({ platform: e.currentTarget.value as CaptureFilter['platform'] })}
      >
        <option value="">{translate(m, 'allPlatforms')}</option>
        {PLATFORMS.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>{' '}
      <select
        data-testid="capture-filter-finding"
        aria-label={translate(m, 'finding')}
        value={filter.finding}
        onChange={(e) => set({ finding: e.currentTarget.value as FindingFilter })}
      >
        <option value="">{translate(m, 'allFindings')}</option>
        {FINDINGS.map((f) => (
          <option key={f} value={f}>
            {translate(m, `finding-${f}`)}
          </option>
        ))}
      </select>{' '}
      <select
        data-testid="capture-filter-case-status"
        aria-label={translate(m, 'caseStatus')}
        value={filter.caseStatus}
        onChange={(e) => set({ caseStatus: e.currentTarget.value as CaptureFilter['caseStatus'] })}
      >
        <option value="">{translate(m, 'allStatuses')}</option>
        {CASE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {translate(casesMessages, `status-${s}`)}
          </option>
        ))}
      </select>{' '}
      <label>
        {translate(m, 'from')}{' '}
        <input type="date" data-testid="capture-filter-from" value={filter.from} onChange={(e) => set({ from: e.currentTarget.value })} />
      </label>{' '}
      <label>
        {translate(m, 'to')} <input type="date" data-testid="capture-filter-to" value={filter.to} onChange={(e) => set({ to: e.currentTarget.value })} />
      </label>{' '}
      {shown !== total ? <span className="muted">{translate(m, 'shown', { shown, total })}</span> : null}
    </p>
  );
}
