import { JD_REMOVED } from '@/utils/marketplaces/jd/selectors';

// JD takedowns (contract §6.1). Read only after login walls and risk checks are ruled out.

/** Why the sku is gone, if the page says so. */
export function jdTakedown(doc: Document, hasProduct: boolean): string | undefined {
  const tip = doc.getElementsByClassName(JD_REMOVED.noticeClass)[0]?.textContent?.trim();
  if (tip && JD_REMOVED.noticeText.some((t) => tip.includes(t))) return `page notice: ${tip.slice(0, 80)}`;
  // the home page served for an item URL: the sku was deleted
  if (!hasProduct && (doc.title.startsWith(JD_REMOVED.homeTitle) || doc.querySelector(JD_REMOVED.homeCanonical))) {
    return 'the item URL ended on the JD home page';
  }
  return undefined;
}
