import { defineBackground } from '#imports';
import { receive } from '@/utils/messaging/receive';
import { contentBadgeCountSchema, contentFetchImagesSchema, contentVerdictsSchema, emptySchema } from '@/utils/messaging/schemas';
import { forgetIndex, verdictsFor } from '@/utils/background/verdict-service';
import { showFindingsOnBadge } from '@/utils/background/toolbar-badge';
import { fetchImagesAsDataUrls } from '@/utils/background/image-proxy';
import { registerCaptureTriggers } from '@/utils/background/capture-triggers';
import { broadcastListChanged } from '@/utils/background/broadcast';

// Wiring only: each handler's logic lives in utils/background/.
export default defineBackground(() => {
  receive('contentVerdicts', 'content', contentVerdictsSchema, async (data) => ({ verdicts: await verdictsFor(data.queries) }));
  receive('contentBadgeCount', 'content', contentBadgeCountSchema, async (data, sender) => {
    if (sender.tab?.id !== undefined) await showFindingsOnBadge(sender.tab.id, data);
  });
  receive('contentFetchImages', 'content', contentFetchImagesSchema, async (data) => ({ images: await fetchImagesAsDataUrls(data.urls) }));
  receive('pageListChanged', 'extension-page', emptySchema, async () => {
    forgetIndex();
    await broadcastListChanged();
  });
  registerCaptureTriggers();
});
