import { translate } from '@/utils/i18n/locale';
import type { TeamRow } from '@/utils/team/list-team-captures';
import { teamMessages as m } from '@/components/team/team-messages';

// One locker capture in the team view. Everything shown comes from another investigator's files:
// rendered as text by React, never as HTML.

interface Props {
  row: TeamRow;
  selected: boolean;
  busy: boolean;
  onSelect: (selected: boolean) => void;
  onDownload: () => void;
  onVerify: () => void;
}

export function TeamCaptureRow({ row, selected, busy, onSelect, onDownload, onVerify }: Props) {
  const ref = row.ok ? row.capture.ref : row.ref;
  if (!row.ok) {
    return (
      <tr data-testid="team-capture-row" data-key-id={ref.keyId} data-capture-id={ref.captureId} data-platform="" data-shop-id="" data-state="unreadable">
        <td />
        <td colSpan={5} className="bad">
          <code>{ref.captureId}</code> {translate(m, 'unreadable', { problem: row.problem })}
        </td>
      </tr>
    );
  }
  const c = row.capture;
  const who = [c.seal.investigator.name, c.seal.investigator.org].filter(Boolean).join(', ');
  return (
    <tr
      data-testid="team-capture-row"
      data-key-id={ref.keyId}
      data-capture-id={ref.captureId}
      data-platform={c.seal.platform}
      data-shop-id={c.shop.id}
      data-state="ok"
    >
      <td>
        <input type="checkbox" data-testid="team-select" checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} />
      </td>
      <td>
        {who || '—'}
        <br />
        <code className="hash" title={ref.keyId}>
          {ref.keyId.slice(0, 16)}…
        </code>
      </td>
      <td>
        {c.seal.capturedAt}
        <br />
        <span data-testid="team-trusted-time" data-value={c.timestamp?.genTime ?? ''} className={c.timestamp ? '' : 'muted'}>
          {c.timestamp ? `${c.timestamp.genTime} (${c.timestamp.tsaName})` : translate(m, 'noTrustedTime')}
        </span>
      </td>
      <td>
        {c.shop.name || '—'} {c.shop.id ? <code>{c.shop.id}</code> : null}
        <br />
        <span className="muted">
          {c.seal.platform} {c.seal.itemId}
        </span>
      </td>
      <td data-seller={c.verdict.seller} data-price={c.verdict.price}>
        {translate(m, `seller-${c.verdict.seller}`)}; {translate(m, `price-${c.verdict.price}`)}
        {c.lowestPrice ? ` (¥${c.lowestPrice})` : ''}
      </td>
      <td>
        <button type="button" data-testid="team-download" disabled={busy} onClick={onDownload}>
          {translate(m, 'download')}
        </button>{' '}
        <button type="button" data-testid="team-verify" disabled={busy} onClick={onVerify}>
          {translate(m, 'verify')}
        </button>
      </td>
    </tr>
  );
}
