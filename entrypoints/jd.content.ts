import { defineContentScript } from '#imports';
import { jdAdapter } from '@/utils/marketplaces/jd/adapter';
import { runContentScript } from '@/utils/content/run-content-script';

export default defineContentScript({
  matches: jdAdapter.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, jdAdapter),
});
