import { database } from '@/utils/db/database';
import { captureChat } from '@/utils/evidence/capture-chat';
import { chatRecordPlatform } from '@/utils/evidence/chat-record';
import { extensionApis } from '@/utils/evidence/browser-apis';
import { collectExtensionEnvironment, combineEnvironment } from '@/utils/evidence/environment';
import { appendCustody } from '@/utils/evidence/custody';
import { messaging } from '@/utils/messaging/protocol';
import type { ContentStartChatCapture } from '@/utils/messaging/chat-schemas';
import type { Verdict } from '@/utils/model/capture';
import { verdictsFor } from '@/utils/background/verdict-service';
import { chatPageProxy } from '@/utils/background/chat-page-proxy';
import { captureImageFetch } from '@/utils/background/image-fetch';
import { screenshotOfTab } from '@/utils/background/capture-service';
import { loadSettings, localeOf } from '@/utils/settings/settings';
import { ensureKey } from '@/utils/trust/investigator-key';
import { sealSha256Of } from '@/utils/trust/seal';
import { stampSoon } from '@/utils/background/timestamp-service';
import { lockerAfterCapture } from '@/utils/background/locker-service';

const running = new Set<number>();

/** The shop's standing on the authorized list; a chat has no price, so the price is not judged. */
async function shopVerdict(data: ContentStartChatCapture, platform: ReturnType<typeof chatRecordPlatform>): Promise<Verdict> {
  const { shop } = data.conversation;
  if (!shop.name && !shop.id && !shop.sellerId) return { seller: 'unknown', price: 'unknown' };
  const [verdict] = await verdictsFor([
    { platform, itemId: '', title: '', shopName: shop.name, ...(shop.id ? { shopId: shop.id } : {}), ...(shop.sellerId ? { sellerId: shop.sellerId } : {}) },
  ]);
  const { productCode: _p, minPrice: _m, ...rest } = verdict ?? { seller: 'unknown', price: 'unknown' };
  return { ...rest, price: 'unknown' };
}

/** Stores the conversation the tab read as a chat capture; the record is the background's. */
export async function captureChatForTab(data: ContentStartChatCapture, tab: { id: number; windowId: number; url: string }): Promise<{ evidenceId: string }> {
  if (running.has(tab.id)) throw new Error('A chat capture is already running in this tab.');
  running.add(tab.id);
  try {
    const platform = chatRecordPlatform(data.conversation, tab.url);
    const [verdict, settings] = await Promise.all([shopVerdict(data, platform), loadSettings()]);
    const key = await ensureKey(database(), settings.investigator);
    const page = chatPageProxy(tab.id);
    const pageEnv = await page.environment();
    const progress = (p: { step: string; done: number; total: number }) =>
      void messaging.sendMessage('tabChatProgress', { state: 'running', ...p }, { tabId: tab.id, frameId: 0 }).catch(() => {});
    const record = await captureChat(
      {
        captureVisibleTab: (windowId) => screenshotOfTab(tab.id, windowId),
        page,
        fetch: captureImageFetch(platform, tab.url),
        environment: async () => combineEnvironment(pageEnv, await collectExtensionEnvironment(extensionApis())),
        now: () => new Date(),
        randomUUID: () => crypto.randomUUID(),
        db: database(),
        onStored: async (db, rec) => {
          await appendCustody(db, {
            event: 'capture',
            captureId: rec.id,
            actor: settings.investigator,
            detail: `captured chat ${rec.url}; seal.json sha256 ${sealSha256Of(rec)}`,
          });
        },
        seal: { name: settings.investigator, org: settings.investigatorOrg, keyId: key.keyId },
      },
      {
        windowId: tab.windowId,
        requestedUrl: data.requestedUrl,
        finalUrl: tab.url,
        pageTitle: data.pageTitle,
        conversation: data.conversation,
        verdict,
        investigator: settings.investigator,
        locale: localeOf(settings),
      },
      progress,
    );
    stampSoon(record.id);
    void lockerAfterCapture(record.id);
    return { evidenceId: record.id };
  } finally {
    running.delete(tab.id);
  }
}
