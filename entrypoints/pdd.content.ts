import { defineContentScript } from '#imports';
import { pddAdapter } from '@/utils/marketplaces/pdd/adapter';
import { runContentScript } from '@/utils/content/run-content-script';

export default defineContentScript({
  matches: pddAdapter.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, pddAdapter),
});
