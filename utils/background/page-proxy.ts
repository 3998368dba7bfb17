import { z } from 'zod';
import { browser } from '#imports';
import { messaging } from '@/utils/messaging/protocol';
import type { TabCaptureRequest } from '@/utils/messaging/schemas';
import type { PageRequests } from '@/utils/evidence/page-requests';
import type { PageEnvironment } from '@/utils/evidence/environment';
import { captureEnvironmentSchema } from '@/utils/model/capture';

// The background's view of a tab's capture session. Answers come from a content script that runs
// in the page's renderer, so they are parsed like any other untrusted input.

const metricsSchema = z.object({
  viewportWidth: z.number(),
  viewportHeight: z.number(),
  devicePixelRatio: z.number(),
  scrollWidth: z.number(),
  scrollHeight: z.number(),
  scrollX: z.number(),
  scrollY: z.number(),
  crossOriginImages: z.array(z.string()).max(500).optional(),
});
const renderedSchema = z.array(z.object({ dataUrl: z.string().startsWith('data:image/'), width: z.number(), height: z.number(), note: z.string().optional() }));
const pageEnvironmentSchema = captureEnvironmentSchema.omit({ extensionVersion: true, otherExtensions: true });

export function pageProxy(tabId: number): PageRequests & { environment(): Promise<PageEnvironment> } {
  const ask = (req: TabCaptureRequest) => messaging.sendMessage('tabCaptureRequest', req, { tabId, frameId: 0 });
  return {
    hideUi: async () => void (await ask({ op: 'hideUi' })),
    showUi: async () => void (await ask({ op: 'showUi' })),
    hideFixedAndSticky: async () => void (await ask({ op: 'hideFixedAndSticky' })),
    serializeDom: async () => z.string().parse(await ask({ op: 'serializeDom' })),
    metrics: async () => metricsSchema.parse(await ask({ op: 'metrics' })),
    scrollTo: async (y) =>
      z
        .number()
        .optional()
        .parse(await ask({ op: 'scrollTo', y: Math.max(0, y) })),
    addRenderImage: async (url, dataUrl) => void (await ask({ op: 'addRenderImage', url, dataUrl })),
    loadRenderer: async () => void (await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/full-page-renderer.js'] })),
    renderFullPage: async () => renderedSchema.parse(await ask({ op: 'renderFullPage' })),
    environment: async () => pageEnvironmentSchema.parse(await ask({ op: 'environment' })),
  };
}
