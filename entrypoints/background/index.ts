import { defineBackground } from '#imports';
import { receive } from '@/utils/messaging/receive';
import { contentBadgeCountSchema, contentSellerDigestSchema, contentStartCaptureSchema, contentVerdictsSchema, emptySchema } from '@/utils/messaging/schemas';
import { captureForTab } from '@/utils/background/capture-service';
import { contentStartChatCaptureSchema } from '@/utils/messaging/chat-schemas';
import { captureChatForTab } from '@/utils/background/chat-capture-service';
import { digestFor, forgetIndex, verdictsFor } from '@/utils/background/verdict-service';
import { showFindingsOnBadge } from '@/utils/background/toolbar-badge';
import { registerCaptureTriggers } from '@/utils/background/capture-triggers';
import { broadcastListChanged } from '@/utils/background/broadcast';
import { registerScheduledSync } from '@/utils/background/scheduled-sync';
import { registerPageScriptInjection } from '@/utils/background/page-scripts';
import { registerTimestampQueue, retryPendingStamps } from '@/utils/background/timestamp-service';
import { registerFirstRun } from '@/utils/background/first-run';

// Wiring only: each handler's logic lives in utils/background/.
export default defineBackground(() => {
  receive('contentVerdicts', 'content', contentVerdictsSchema, async (data) => ({ verdicts: await verdictsFor(data.queries) }));
  receive('contentSellerDigest', 'content', contentSellerDigestSchema, async (data) => ({ digest: await digestFor(data.platforms) }));
  receive('contentBadgeCount', 'content', contentBadgeCountSchema, async (data, sender) => {
    if (sender.tab?.id !== undefined) await showFindingsOnBadge(sender.tab.id, data);
  });
  receive('pageListChanged', 'extension-page', emptySchema, async () => {
    forgetIndex();
    await broadcastListChanged();
  });
  receive('contentStartCapture', 'content', contentStartCaptureSchema, async (data, sender) => {
    const tab = sender.tab;
    if (tab?.id === undefined || tab.windowId === undefined || !tab.url) throw new Error('contentStartCapture: no tab');
    return captureForTab(data, { id: tab.id, windowId: tab.windowId, url: tab.url });
  });
  receive('contentStartChatCapture', 'content', contentStartChatCaptureSchema, async (data, sender) => {
    const tab = sender.tab;
    if (tab?.id === undefined || tab.windowId === undefined || !tab.url) throw new Error('contentStartChatCapture: no tab');
    return captureChatForTab(data, { id: tab.id, windowId: tab.windowId, url: tab.url });
  });
  receive('pageRetryTimestamps', 'extension-page', emptySchema, () => retryPendingStamps());
  registerFirstRun();
  registerTimestampQueue();
  registerPageScriptInjection();
  registerCaptureTriggers();
  registerScheduledSync();
});
