import type { CaseWithCaptures } from '@/utils/evidence/capture-queries';
import type { CaptureRecord } from '@/utils/model/capture';
import type { Platform } from '@/utils/model/listing';
import { statusOf, type CaseStatus } from '@/utils/model/case-status';
import { normaliseName } from '@/utils/evidence/shop-key';

// Finding a capture among hundreds: text (shop, title, item id), platform, finding, the case's
// status and a capture-date range (the local day the capture time shows). Pure, for the dashboard.

export type FindingFilter = '' | 'unauthorized' | 'expired' | 'below-min' | 'any-finding' | 'no-finding';

export interface CaptureFilter {
  text: string;
  platform: '' | Platform;
  finding: FindingFilter;
  caseStatus: '' | CaseStatus;
  /** YYYY-MM-DD, inclusive; '' = open */
  from: string;
  to: string;
}

export const NO_FILTER: CaptureFilter = { text: '', platform: '', finding: '', caseStatus: '', from: '', to: '' };

function hasFinding(c: CaptureRecord): boolean {
  return c.verdict.seller === 'unauthorized' || c.verdict.seller === 'expired' || c.verdict.price === 'below-min';
}

function matchesFinding(c: CaptureRecord, finding: FindingFilter): boolean {
  switch (finding) {
    case '':
      return true;
    case 'below-min':
      return c.verdict.price === 'below-min';
    case 'any-finding':
      return hasFinding(c);
    case 'no-finding':
      return !hasFinding(c);
    default:
      return c.verdict.seller === finding;
  }
}

// A capture's normalised search text, made once per record (records stay the same objects until
// the captures change), so typing a filter over 10,000 captures does not normalise 50,000 strings.
const searchTexts = new WeakMap<CaptureRecord, string>();
function searchText(c: CaptureRecord, caseShopName: string): string {
  let text = searchTexts.get(c);
  if (text === undefined) {
    // joined with a character no normalised name contains, so a match never spans two fields
    text = [c.shop.name, c.shop.id, c.title, c.itemId, caseShopName].map(normaliseName).join('\u0000');
    searchTexts.set(c, text);
  }
  return text;
}

export function isFiltering(f: CaptureFilter): boolean {
  return f.text.trim() !== '' || f.platform !== '' || f.finding !== '' || f.caseStatus !== '' || f.from !== '' || f.to !== '';
}

/** The cases with only their matching captures; cases left without any are dropped. */
export function filterCases(cases: readonly CaseWithCaptures[], f: CaptureFilter): CaseWithCaptures[] {
  if (!isFiltering(f)) return [...cases];
  const needle = normaliseName(f.text);
  const out: CaseWithCaptures[] = [];
  for (const item of cases) {
    if (f.caseStatus && statusOf(item.case) !== f.caseStatus) continue;
    if (f.platform && item.case.platform !== f.platform) continue;
    const captures = item.captures.filter((c) => {
      // capturedAt carries the capture's own offset: its first ten characters are that local day
      const day = c.capturedAt.slice(0, 10);
      if ((f.from && day < f.from) || (f.to && day > f.to)) return false;
      if (!matchesFinding(c, f.finding)) return false;
      if (!needle) return true;
      return searchText(c, item.case.shopName).includes(needle);
    });
    if (captures.length) out.push({ case: item.case, captures });
  }
  return out;
}
