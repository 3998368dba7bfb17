import { translate } from '@/utils/i18n/locale';
import type { Verdict } from '@/utils/model/capture';
import { escapeHtml } from '@/utils/export/escape-html';
import { reportMessages, type ReportKey } from '@/utils/export/report-messages';

// Report text in both languages side by side; a pure-CSS toggle shows one (no script runs
// in report.html). Parameters are filled before escaping, so page strings in them are escaped too.

export function both(key: ReportKey, params?: Record<string, string | number>): string {
  const zh = escapeHtml(translate(reportMessages, key, params, 'zh-CN'));
  const en = escapeHtml(translate(reportMessages, key, params, 'en'));
  return `<span class="zh" lang="zh-CN">${zh}</span><span class="en" lang="en">${en}</span>`;
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

export function sellerFinding(verdict: Verdict): string {
  return both(SELLER_KEY[verdict.seller], { date: listDate(verdict) });
}

export function priceFinding(verdict: Verdict): string {
  return both(PRICE_KEY[verdict.price], { date: listDate(verdict), min: verdict.minPrice ?? '?' });
}

/** A table row of label and value; the value is page data, escaped here. */
export function fieldRow(label: ReportKey, value: string | number | undefined): string {
  return `<tr><th scope="row">${both(label)}</th><td>${escapeHtml(value)}</td></tr>`;
}
