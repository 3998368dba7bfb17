import type { CaseWithCaptures } from '@/utils/evidence/capture-queries';
import type { CaptureRecord } from '@/utils/model/capture';
import type { Settings } from '@/utils/settings/settings';
import { canonicalItemUrl } from '@/utils/marketplaces/canonical-url';
import { localDateTime, type LetterData } from '@/utils/cases/warning-letter';

// What a case gives its warning letter: the shop, each of its listings once (canonical URL, as the
// complaint bundle has them) and the brand and list version its latest verdict named.

function listingUrl(c: CaptureRecord): string {
  return /^\d{1,20}$/.test(c.itemId) ? canonicalItemUrl(c.platform, c.itemId) : c.url;
}

/** Each listing of these captures once, by its canonical URL, in the order they were first captured. */
export function listingUrls(captures: readonly CaptureRecord[]): string[] {
  const listings = captures.filter((c) => c.kind === 'listing').sort((a, b) => Date.parse(a.capturedAt) - Date.parse(b.capturedAt));
  return [...new Set(listings.map(listingUrl))];
}

export function letterData(
  item: CaseWithCaptures,
  settings: Pick<Settings, 'investigator' | 'investigatorOrg'>,
  deadline: Date,
  now: Date = new Date(),
): LetterData {
  const withList = item.captures.find((c) => c.verdict.listBrand || c.verdict.listUpdatedAt);
  const shopId = item.captures.find((c) => c.shop.id)?.shop.id ?? '';
  return {
    shop: item.case.shopName || shopId,
    shopId,
    platform: item.case.platform,
    links: listingUrls(item.captures),
    brand: withList?.verdict.listBrand ?? '',
    listVersion: withList?.verdict.listUpdatedAt ?? '',
    deadline: localDateTime(deadline),
    date: localDateTime(now).slice(0, 10),
    investigatorOrg: settings.investigatorOrg,
    investigator: settings.investigator,
  };
}
