import { z } from 'zod';
import { chatLinkSchema, chatPlatformSchema, chatRoleSchema } from '@/utils/model/chat';

// Payloads of the chat capture messages. A conversation crosses from the page to the background
// in one message, so every part is bounded: a page cannot make the background hold unbounded data.

export const CHAT_LIMITS = {
  messages: 20_000,
  text: 20_000,
  short: 500,
  url: 8_000,
  /** an image sent in the chat may be inline (data: URL) */
  imageUrl: 2_000_000,
  imagesPerMessage: 50,
  linksPerMessage: 50,
  images: 2_000,
} as const;

const short = z.string().max(CHAT_LIMITS.short);
const url = z.string().max(CHAT_LIMITS.url);
const imageUrl = z.string().max(CHAT_LIMITS.imageUrl);
const link = chatLinkSchema.extend({ href: url, text: z.string().max(CHAT_LIMITS.short * 4) });

export const conversationMessageSchema = z.object({
  role: chatRoleSchema,
  name: short,
  timeText: short,
  time: short,
  text: z.string().max(CHAT_LIMITS.text),
  imageUrls: z.array(imageUrl).max(CHAT_LIMITS.imagesPerMessage),
  links: z.array(link).max(CHAT_LIMITS.linksPerMessage),
  itemLink: url.optional(),
  recalled: z.boolean().optional(),
  recalledBy: z.enum(['buyer', 'seller']).optional(),
  dateText: short.optional(),
  messageId: short.optional(),
});

/** utils/chat/read-conversation.ts `Conversation`, bounded */
export const conversationSchema = z.object({
  reader: z.string().max(64),
  platform: chatPlatformSchema,
  url,
  shop: z.object({ name: short, id: z.string().max(64), sellerId: z.string().max(64).optional() }),
  sellerNick: short.optional(),
  itemLink: url.optional(),
  messages: z.array(conversationMessageSchema).max(CHAT_LIMITS.messages),
  imageUrls: z.array(imageUrl).max(CHAT_LIMITS.images),
  complete: z.boolean(),
  stoppedReason: z.enum(['top-reached', 'max-rounds', 'max-duration', 'aborted', 'not-loaded']),
  utcOffsetMinutes: z
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60),
});

export const contentStartChatCaptureSchema = z.object({
  conversation: conversationSchema,
  pageTitle: z.string().max(2000),
  /** URL the page was requested at, as the content script saw it first */
  requestedUrl: url,
});
export type ContentStartChatCapture = z.infer<typeof contentStartChatCaptureSchema>;

/** background -> content: the page side of a chat capture (panel, list stepping, environment) */
export const tabChatRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.enum(['hideUi', 'showUi', 'environment', 'chatScreens']) }),
  z.object({ op: z.literal('chatScrollToScreen'), index: z.number().int().nonnegative().max(100_000) }),
]);
export type TabChatRequest = z.infer<typeof tabChatRequestSchema>;

/** the content script's answer to `chatScreens`: the list's scroll positions, one per screen */
export const chatScreensReplySchema = z.object({
  positions: z.array(z.number().finite().nonnegative()).min(1).max(5_000),
  scrollHeight: z.number().finite().nonnegative(),
  clientHeight: z.number().finite().nonnegative(),
});
export type ChatScreensReply = z.infer<typeof chatScreensReplySchema>;
