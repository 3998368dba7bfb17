import type { CaseWithCaptures } from '@/utils/evidence/capture-queries';
import type { Settings } from '@/utils/settings/settings';
import { canonicalItemUrl } from '@/utils/marketplaces/canonical-url';
import { localDateTime, type LetterData } from '@/utils/cases/warning-letter';

// What a case gives its warning letter: the shop, each of its listings once (canonical URL, as the
// complaint bundle has them) and the brand and list version its latest verdict named.

function listingUrl(c: CaseWithCaptures['captures'][number]): string {
  return /^\d{1,20}$/.test(c.itemId) ? canonicalItemUrl(c.platform, c.itemId) : c.url;
}

export function caseListingUrls(item: CaseWithCaptures): string[] {
  const listings = item.captures.filter((c) => c.kind === 'listing');
  // oldest first: the letter lists them in the order they were found
  return [...new Set([...listings].reverse().map(listingUrl))];
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
    links: caseListingUrls(item),
    brand: withList?.verdict.listBrand ?? '',
    listVersion: withList?.verdict.listUpdatedAt ?? '',
    deadline: localDateTime(deadline),
    date: localDateTime(now).slice(0, 10),
    investigatorOrg: settings.investigatorOrg,
    investigator: settings.investigator,
  };
}
