import { defineContentScript } from '#imports';
import { CHAT_PAGE_MATCHES } from '@/utils/marketplaces/hosts';
import { jdMatches } from '@/utils/marketplaces/jd/matches';
import { requestListingScript } from '@/utils/content/bootstrap';

// Bootstrap only: the listing script (entrypoints/listing-main.ts) is injected once the page is idle.
export default defineContentScript({
  matches: jdMatches,
  excludeMatches: CHAT_PAGE_MATCHES,
  runAt: 'document_idle',
  main: () => requestListingScript(),
});
