import { platformOfHost } from '@/utils/chat/readers/reader';
import { itemIdFromAnyLink } from '@/utils/marketplaces/platforms';
import type { Platform } from '@/utils/model/listing';
import type { Conversation } from '@/utils/chat/read-conversation';

// The fields a chat capture's record has beside its files: which marketplace, which item the
// chat is about, and a title people recognise in the evidence list.

/** The platform's item id in an item link (Taobao/Tmall `id=`, JD `<sku>.html`, PDD `goods_id`), '' when none. */
export function itemIdFromLink(link: string | undefined): string {
  return itemIdFromAnyLink(link);
}

/** The record's platform: the reader's, else the tab's host (a picked list on a marketplace page). */
export function chatRecordPlatform(conversation: Pick<Conversation, 'platform'>, tabUrl: string): Platform {
  if (conversation.platform !== 'unknown') return conversation.platform;
  let host = '';
  try {
    host = new URL(tabUrl).hostname;
  } catch {
    // an unparseable tab URL leaves the platform unknown
  }
  const platform = platformOfHost(host);
  if (platform === 'unknown') throw new Error(`the chat's marketplace cannot be told from ${tabUrl}`);
  return platform;
}

/** The record's title, `chat with <shop>`: records keep one language, the UI translates around it. */
export function chatTitle(conversation: Pick<Conversation, 'shop' | 'sellerNick'>): string {
  const who = conversation.shop.name || conversation.sellerNick || conversation.shop.id || 'unknown shop';
  return `chat with ${who}`;
}
