import type { Conversation, ConversationMessage } from '@/utils/chat/read-conversation';
import { CHAT_LIMITS, type ContentStartChatCapture } from '@/utils/messaging/chat-schemas';

// The conversation as sent to the background, within the message schema's bounds. Real chats
// are far inside them; what a page could push past them is cut here (and said in the text)
// rather than failing the whole capture at the background's check.

const cut = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

function boundMessage(m: ConversationMessage): ConversationMessage {
  const { itemLink, dateText, messageId, ...rest } = m;
  const urlOk = (u: string) => u.length <= (u.startsWith('data:') ? CHAT_LIMITS.imageUrl : CHAT_LIMITS.url);
  const text = m.text.length <= CHAT_LIMITS.text ? m.text : `${m.text.slice(0, CHAT_LIMITS.text - 40)}… [cut at ${CHAT_LIMITS.text} characters]`;
  return {
    ...rest,
    name: cut(m.name, CHAT_LIMITS.short),
    timeText: cut(m.timeText, CHAT_LIMITS.short),
    time: cut(m.time, CHAT_LIMITS.short),
    text,
    imageUrls: m.imageUrls.filter(urlOk).slice(0, CHAT_LIMITS.imagesPerMessage),
    links: m.links
      .filter((l) => l.href.length <= CHAT_LIMITS.url)
      .slice(0, CHAT_LIMITS.linksPerMessage)
      .map((l) => ({ href: l.href, text: cut(l.text, CHAT_LIMITS.short * 4) })),
    ...(itemLink !== undefined && itemLink.length <= CHAT_LIMITS.url ? { itemLink } : {}),
    ...(dateText !== undefined ? { dateText: cut(dateText, CHAT_LIMITS.short) } : {}),
    ...(messageId !== undefined ? { messageId: cut(messageId, CHAT_LIMITS.short) } : {}),
  };
}

/** Newest messages win when a chat has more than the bound: they are what a case is usually about. */
export function boundConversation(c: Conversation): Conversation {
  const { itemLink, sellerNick, ...rest } = c;
  const messages = c.messages.slice(-CHAT_LIMITS.messages).map(boundMessage);
  const imageUrls = [...new Set(messages.flatMap((m) => m.imageUrls))].slice(0, CHAT_LIMITS.images);
  return {
    ...rest,
    url: cut(c.url, CHAT_LIMITS.url),
    shop: { name: cut(c.shop.name, CHAT_LIMITS.short), id: cut(c.shop.id, 64), ...(c.shop.sellerId ? { sellerId: cut(c.shop.sellerId, 64) } : {}) },
    ...(sellerNick !== undefined ? { sellerNick: cut(sellerNick, CHAT_LIMITS.short) } : {}),
    ...(itemLink !== undefined && itemLink.length <= CHAT_LIMITS.url ? { itemLink } : {}),
    messages,
    imageUrls,
    complete: c.complete && messages.length === c.messages.length,
  };
}

export function chatCapturePayload(c: Conversation, pageTitle: string, requestedUrl: string): ContentStartChatCapture {
  return { conversation: boundConversation(c), pageTitle: cut(pageTitle, 2000), requestedUrl: cut(requestedUrl, CHAT_LIMITS.url) };
}
