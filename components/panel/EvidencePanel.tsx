import { useState, type ReactNode } from 'react';
import { translate } from '@/utils/i18n/locale';
import type { PanelView } from '@/utils/content/panel-view';
import { UNKNOWN_VERDICT } from '@/utils/content/panel-view';
import { panelMessages as m } from '@/components/panel/panel-messages';
import { VerdictLine } from '@/components/panel/VerdictLine';
import { CaptureButton } from '@/components/panel/CaptureButton';
import { InvestigatorNote } from '@/components/panel/InvestigatorNote';

interface Props {
  view: PanelView;
  onCapture: () => void;
  /** the chat capture controls (picker), shown on every state */
  chat?: ReactNode;
  /** the capture-flagged runner's button and progress, inside the search summary (contract §6.1) */
  flagged?: ReactNode;
}

function Field({ testId, label, value, shown }: { testId: string; label: string; value: string; shown?: string }) {
  return (
    <div className="lp-row" data-testid={testId} data-value={value}>
      <span>{label}</span>
      <span>{shown ?? value}</span>
    </div>
  );
}

function dotClass(view: PanelView): string {
  const v = view.verdict;
  if (view.search) return view.search.unauthorized + view.search.belowMin > 0 ? 'bad' : 'good';
  if (!v || v.seller === 'unknown') return '';
  return v.seller !== 'authorized' || v.price === 'below-min' ? 'bad' : 'good';
}

/** The in-page panel (contract §1). Everything from the page is rendered as React text. */
export function EvidencePanel({ view, onCapture, chat, flagged }: Props) {
  const [collapsed, setCollapsed] = useState(false);
  const l = view.listing;
  return (
    <div className={`lp-panel${collapsed ? ' lp-collapsed' : ''}`} data-testid="evidence-panel" data-state={view.state}>
      <div className="lp-head">
        <span className={`lp-dot ${dotClass(view)}`} />
        <strong>{translate(m, 'brand')}</strong>
        <button type="button" data-testid="panel-toggle" onClick={() => setCollapsed(!collapsed)}>
          {translate(m, collapsed ? 'expand' : 'collapse')}
        </button>
      </div>
      <div className="lp-body">
        {view.state !== 'ready' ? (
          <p className="lp-note" data-testid="panel-message">
            {translate(m, view.state)}
          </p>
        ) : null}
        {view.platform ? <Field testId="listing-platform" label={translate(m, 'platform')} value={view.platform} /> : null}
        {view.search ? (
          <div data-testid="search-summary" data-total={view.search.total} data-unauthorized={view.search.unauthorized} data-below-min={view.search.belowMin}>
            <div className="lp-row">
              <span>{translate(m, 'results')}</span>
              <span>{view.search.total}</span>
            </div>
            <div className="lp-row">
              <span>{translate(m, 'unauthorized')}</span>
              <span>{view.search.unauthorized}</span>
            </div>
            <div className="lp-row">
              <span>{translate(m, 'belowMin')}</span>
              <span>{view.search.belowMin}</span>
            </div>
            {flagged}
          </div>
        ) : null}
        {view.state === 'removed' && !l ? (
          <>
            {view.removed?.itemId ? <Field testId="listing-item-id" label={translate(m, 'itemId')} value={view.removed.itemId} /> : null}
            <CaptureButton capture={view.capture} onCapture={onCapture} />
          </>
        ) : null}
        {l ? (
          <>
            <Field testId="listing-item-id" label={translate(m, 'itemId')} value={l.itemId} />
            <Field testId="listing-title" label={translate(m, 'title')} value={l.title} />
            <Field testId="listing-shop-name" label={translate(m, 'shop')} value={l.shopName} />
            <Field testId="listing-shop-id" label={translate(m, 'shopId')} value={l.shopId} shown={l.shopId || '—'} />
            <Field
              testId="listing-price"
              label={translate(m, 'price')}
              value={l.lowestPrice}
              shown={l.lowestPrice ? `¥${l.lowestPrice}` : translate(m, 'priceUnknown')}
            />
            <VerdictLine verdict={view.verdict ?? UNKNOWN_VERDICT} />
            {l.warnings.length ? (
              <p className="lp-note" title={l.warnings.join('\n')}>
                {translate(m, 'warnings', { count: l.warnings.length })}
              </p>
            ) : null}
            <CaptureButton capture={view.capture} onCapture={onCapture} />
            <InvestigatorNote />
          </>
        ) : null}
        {chat}
      </div>
    </div>
  );
}
