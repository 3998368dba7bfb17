import { translate } from '@/utils/i18n/locale';
import type { Verdict } from '@/utils/model/capture';
import { panelMessages as m } from '@/components/panel/panel-messages';

// Facts, not conclusions: "not on the authorized list of <date>", never an accusation.
export function VerdictLine({ verdict }: { verdict: Verdict }) {
  const sellerBad = verdict.seller === 'unauthorized' || verdict.seller === 'expired';
  const priceBad = verdict.price === 'below-min';
  const listDate = verdict.listUpdatedAt ? verdict.listUpdatedAt.slice(0, 10) : '';
  return (
    <div className="lp-verdict" data-testid="listing-verdict" data-seller={verdict.seller} data-price={verdict.price} data-case-status={verdict.caseStatus}>
      <div className={sellerBad ? 'bad' : verdict.seller === 'authorized' ? 'good' : ''}>{translate(m, `seller-${verdict.seller}`)}</div>
      <div className={priceBad ? 'bad' : verdict.price === 'ok' ? 'good' : ''}>
        {translate(m, `price-${verdict.price}`)}
        {verdict.minPrice && verdict.price !== 'no-rule' ? ` (≥ ¥${verdict.minPrice})` : ''}
      </div>
      {verdict.caseStatus ? <div className="lp-note">{translate(m, `case-${verdict.caseStatus}`)}</div> : null}
      {listDate ? <div className="lp-note">{translate(m, 'listOf', { date: listDate })}</div> : null}
    </div>
  );
}
