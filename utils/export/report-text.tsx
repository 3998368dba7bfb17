import { translate } from '@/utils/i18n/locale';
import type { Verdict } from '@/utils/model/capture';
import { reportMessages, type ReportKey } from '@/utils/export/report-messages';

// Report text in both languages side by side; a pure-CSS toggle shows one (no script runs in
// report.html). Everything is React text, so React escapes page strings, parameters included.

export function Both({ k, params }: { k: ReportKey; params?: Record<string, string | number> }) {
  return (
    <>
      <span className="zh" lang="zh-CN">
        {translate(reportMessages, k, params, 'zh-CN')}
      </span>
      <span className="en" lang="en">
        {translate(reportMessages, k, params, 'en')}
      </span>
    </>
  );
}

/** The list's date (YYYY-MM-DD of `updatedAt`), or its id when no date was recorded. */
function listDate(verdict: Verdict): string {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(verdict.listUpdatedAt ?? '')?.[0];
  return date ?? verdict.listId ?? '?';
}

const SELLER_KEY: Record<Verdict['seller'], ReportKey> = {
  authorized: 'sellerAuthorized',
  unauthorized: 'sellerUnauthorized',
  expired: 'sellerExpired',
  unknown: 'sellerUnknown',
};
const PRICE_KEY: Record<Verdict['price'], ReportKey> = { ok: 'priceOk', 'below-min': 'priceBelow', 'no-rule': 'priceNoRule', unknown: 'priceUnknown' };

export function SellerFinding({ verdict }: { verdict: Verdict }) {
  return <Both k={SELLER_KEY[verdict.seller]} params={{ date: listDate(verdict) }} />;
}

export function PriceFinding({ verdict }: { verdict: Verdict }) {
  return <Both k={PRICE_KEY[verdict.price]} params={{ date: listDate(verdict), min: verdict.minPrice ?? '?' }} />;
}

/** A table row of label and value (page data, as text). */
export function FieldRow({ label, value }: { label: ReportKey; value: string | number | undefined }) {
  return (
    <tr>
      <th scope="row">
        <Both k={label} />
      </th>
      <td>{value}</td>
    </tr>
  );
}
