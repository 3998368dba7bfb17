import { defineContentScript } from '#imports';
import { tmallMatches } from '@/utils/marketplaces/tmall/matches';
import { requestListingScript } from '@/utils/content/bootstrap';

// Bootstrap only: the listing script (entrypoints/listing-main.ts) is injected once the page is idle.
export default defineContentScript({
  matches: tmallMatches,
  runAt: 'document_idle',
  main: () => requestListingScript(),
});
