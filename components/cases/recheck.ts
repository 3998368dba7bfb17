import { browser } from '#imports';
import { database } from '@/utils/db/database';
import { listingUrls } from '@/utils/cases/letter-data';

// "Capture again / re-check" for cases: opens each of their listings (canonical URL) in a
// background tab, where the panel reads it and the investigator captures it. The batch runner's
// `recheckCases` message replaces this body once it is on the branch.

/** Returns how many listings were opened. */
export async function requestRecheck(caseIds: readonly string[]): Promise<number> {
  const captures = await database()
    .captures.where('caseId')
    .anyOf([...caseIds])
    .toArray();
  const urls = listingUrls(captures);
  for (const url of urls) await browser.tabs.create({ url, active: false });
  return urls.length;
}
