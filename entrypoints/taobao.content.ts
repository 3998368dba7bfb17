import { defineContentScript } from '#imports';
import { taobaoAdapter } from '@/utils/marketplaces/taobao/adapter';
import { runContentScript } from '@/utils/content/run-content-script';

export default defineContentScript({
  matches: taobaoAdapter.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, taobaoAdapter),
});
