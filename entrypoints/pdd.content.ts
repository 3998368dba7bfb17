import { defineContentScript } from '#imports';
import { CHAT_PAGE_MATCHES } from '@/utils/marketplaces/hosts';
import { pddMatches } from '@/utils/marketplaces/pdd/matches';
import { requestListingScript } from '@/utils/content/bootstrap';

// Bootstrap only: the listing script (entrypoints/listing-main.ts) is injected once the page is idle.
export default defineContentScript({
  matches: pddMatches,
  excludeMatches: CHAT_PAGE_MATCHES,
  runAt: 'document_idle',
  main: () => requestListingScript(),
});
