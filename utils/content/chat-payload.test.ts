import { describe, expect, it } from 'vitest';
import type { Conversation, ConversationMessage } from '@/utils/chat/read-conversation';
import { CHAT_LIMITS, contentStartChatCaptureSchema, tabChatRequestSchema } from '@/utils/messaging/chat-schemas';
import { boundConversation, chatCapturePayload } from '@/utils/content/chat-payload';

function message(n: number, over: Partial<ConversationMessage> = {}): ConversationMessage {
  return {
    role: n % 2 ? 'seller' : 'buyer',
    name: '',
    timeText: '09:00',
    time: '2025-11-05T09:00:00+08:00',
    text: `消息 ${n}`,
    imageUrls: [],
    links: [],
    ...over,
  };
}

function conversation(messages: ConversationMessage[], over: Partial<Conversation> = {}): Conversation {
  return {
    reader: 'taobao-wangwang',
    platform: 'taobao',
    url: 'https://market.m.taobao.com/app/im/chat/index.html?toId=1',
    shop: { name: '回力棉娅专卖店', id: '106453811' },
    messages,
    imageUrls: [...new Set(messages.flatMap((m) => m.imageUrls))],
    complete: true,
    stoppedReason: 'top-reached',
    utcOffsetMinutes: 480,
    ...over,
  };
}

describe('chat capture payload', () => {
  it('passes a normal conversation through unchanged and valid', () => {
    const c = conversation([message(1, { imageUrls: ['https://img.alicdn.com/chat/a.jpg'], itemLink: 'https://item.taobao.com/item.htm?id=1' }), message(2)], {
      itemLink: 'https://item.taobao.com/item.htm?id=1',
      sellerNick: 'nick',
    });
    const payload = chatCapturePayload(c, '旺旺', c.url);
    expect(payload.conversation).toEqual(c);
    expect(contentStartChatCaptureSchema.parse(payload)).toEqual(payload);
  });

  it('cuts what a page could push past the bounds, so the background check passes', () => {
    const huge = 'x'.repeat(CHAT_LIMITS.text + 10);
    const longUrl = `https://item.taobao.com/item.htm?id=1&q=${'a'.repeat(CHAT_LIMITS.url)}`;
    const messages = Array.from({ length: CHAT_LIMITS.messages + 5 }, (_, i) => message(i + 1));
    messages[messages.length - 1] = message(99_999, {
      text: huge,
      name: 'n'.repeat(1000),
      itemLink: longUrl,
      imageUrls: Array.from({ length: 80 }, (_, i) => `https://img.alicdn.com/${i}.jpg`).concat([longUrl]),
      links: [
        { href: longUrl, text: 'x' },
        { href: 'https://a.example/', text: 't'.repeat(5000) },
      ],
    });
    const c = conversation(messages, { itemLink: longUrl });
    expect(contentStartChatCaptureSchema.safeParse({ conversation: c, pageTitle: '', requestedUrl: c.url }).success).toBe(false);
    const bounded = boundConversation(c);
    expect(contentStartChatCaptureSchema.safeParse({ conversation: bounded, pageTitle: '', requestedUrl: c.url }).success).toBe(true);
    expect(bounded.messages).toHaveLength(CHAT_LIMITS.messages);
    expect(bounded.messages[0]?.text).toBe('消息 6'); // the newest kept
    expect(bounded.complete).toBe(false);
    expect(bounded.itemLink).toBeUndefined();
    const last = bounded.messages.at(-1)!;
    expect(last.text).toMatch(/\[cut at 20000 characters\]$/);
    expect(last.imageUrls).toHaveLength(CHAT_LIMITS.imagesPerMessage);
    expect(last.links).toHaveLength(1);
    expect(last.itemLink).toBeUndefined();
  });

  it('accepts only the known page-side chat operations', () => {
    expect(tabChatRequestSchema.parse({ op: 'chatScrollToScreen', index: 3 })).toEqual({ op: 'chatScrollToScreen', index: 3 });
    expect(tabChatRequestSchema.safeParse({ op: 'chatScrollToScreen', index: -1 }).success).toBe(false);
    expect(tabChatRequestSchema.safeParse({ op: 'renderFullPage' }).success).toBe(false);
  });
});
