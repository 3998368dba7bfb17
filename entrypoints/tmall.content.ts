import { defineContentScript } from '#imports';
import { tmallAdapter } from '@/utils/marketplaces/tmall/adapter';
import { runContentScript } from '@/utils/content/run-content-script';

export default defineContentScript({
  matches: tmallAdapter.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, tmallAdapter),
});
