import { defineBackground } from '#imports';
import { receive } from '@/utils/messaging/receive';
import { captureForTab } from '@/utils/background/capture-service';
import { captureChatForTab } from '@/utils/background/chat-capture-service';
import { caseStatusesFor, digestFor, forgetIndex, verdictsFor } from '@/utils/background/verdict-service';
import { showFindingsOnBadge } from '@/utils/background/toolbar-badge';
import { registerCaptureTriggers } from '@/utils/background/capture-triggers';
import { broadcastListChanged } from '@/utils/background/broadcast';
import { registerScheduledSync } from '@/utils/background/scheduled-sync';
import { registerPageScriptInjection } from '@/utils/background/page-scripts';
import { registerTimestampQueue, retryPendingStamps } from '@/utils/background/timestamp-service';
import { registerFirstRun } from '@/utils/background/first-run';
import { registerLocker } from '@/utils/background/locker-service';
import { registerRunner } from '@/utils/background/runner-registration';
import { syncRecheckReminders } from '@/utils/background/recheck-reminders';

// Wiring only: each handler's logic lives in utils/background/.
export default defineBackground(() => {
  receive('contentVerdicts', async (data) => ({ verdicts: await verdictsFor(data.queries) }));
  receive('contentSellerDigest', async (data) => ({ digest: await digestFor(data.platforms), cases: await caseStatusesFor(data.platforms) }));
  receive('contentBadgeCount', async (data, sender) => {
    if (sender.tab?.id !== undefined) await showFindingsOnBadge(sender.tab.id, data);
  });
  receive('pageListChanged', async () => {
    forgetIndex();
    await broadcastListChanged();
  });
  receive('pageCasesChanged', async () => {
    await broadcastListChanged();
    await syncRecheckReminders(); // a case just complained gets its re-check reminders
  });
  receive('contentStartCapture', async (data, sender) => {
    const tab = sender.tab;
    if (tab?.id === undefined || tab.windowId === undefined || !tab.url) throw new Error('contentStartCapture: no tab');
    return captureForTab(data, { id: tab.id, windowId: tab.windowId, url: tab.url });
  });
  receive('contentStartChatCapture', async (data, sender) => {
    const tab = sender.tab;
    if (tab?.id === undefined || tab.windowId === undefined || !tab.url) throw new Error('contentStartChatCapture: no tab');
    return captureChatForTab(data, { id: tab.id, windowId: tab.windowId, url: tab.url });
  });
  receive('pageRetryTimestamps', () => retryPendingStamps());
  registerFirstRun();
  registerTimestampQueue();
  registerPageScriptInjection();
  registerCaptureTriggers();
  registerScheduledSync();
  registerLocker();
  registerRunner();
});
