import { translate } from '@/utils/i18n/locale';
import { am } from '@/components/authorized/authorized-messages';

export interface AuthorizedStatusProps {
  sellers: number;
  products: number;
  /** set after an import attempt */
  state?: 'ok' | 'rejected';
}

/** Always rendered (contract §2): the counts of the list in force. */
export function AuthorizedStatus({ sellers, products, state }: AuthorizedStatusProps) {
  return (
    <div data-testid="authorized-status" data-sellers={sellers} data-products={products} data-state={state} role="status">
      <span>{translate(am, 'status', { sellers, products })}</span>
      {state && <span className={state === 'ok' ? 'good' : 'bad'}> {translate(am, state === 'ok' ? 'statusOk' : 'statusRejected')}</span>}
    </div>
  );
}
