import { z } from 'zod';
import { PLATFORMS } from '@/utils/model/listing';

// chat.json (contract §3) and the raw shape chat readers produce. The contract fixes
// platform, shop {name, id} and each message's role, name, timeText, time, text, images;
// every other field here is optional so a consumer written against the contract keeps working.

export const CHAT_ROLES = ['buyer', 'seller', 'system'] as const;
export const chatRoleSchema = z.enum(CHAT_ROLES);
export type ChatRole = z.infer<typeof chatRoleSchema>;

/** a picked chat panel on a page whose platform cannot be told is `unknown` */
export const chatPlatformSchema = z.enum([...PLATFORMS, 'unknown']);
export type ChatPlatform = z.infer<typeof chatPlatformSchema>;

export const chatLinkSchema = z.object({ href: z.string(), text: z.string() });
export type ChatLink = z.infer<typeof chatLinkSchema>;

export const chatMessageSchema = z.object({
  role: chatRoleSchema,
  name: z.string(),
  /** the time exactly as the page shows it (or the time divider in force), "" when none */
  timeText: z.string(),
  /** ISO 8601 with offset, "" when it cannot be parsed */
  time: z.string(),
  text: z.string(),
  /** paths inside the zip, e.g. `images/001.png` */
  images: z.array(z.string()),
  /** the images' original URLs, same order as `images` where fetched */
  imageUrls: z.array(z.string()).optional(),
  links: z.array(chatLinkSchema).optional(),
  /** an item card's link, when the message is one */
  itemLink: z.string().optional(),
  /** a "撤回了一条消息" notice */
  recalled: z.boolean().optional(),
  recalledBy: z.enum(['buyer', 'seller']).optional(),
  /** the date divider shown above this message, as shown */
  dateText: z.string().optional(),
  /** the platform's own message id, when the page carries one */
  messageId: z.string().optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chatJsonSchema = z.object({
  platform: chatPlatformSchema,
  /** sellerId: Taobao/Tmall sellerId, JD venderId, when the chat page names it */
  shop: z.object({ name: z.string(), id: z.string(), sellerId: z.string().optional() }),
  messages: z.array(chatMessageSchema),
  sellerNick: z.string().optional(),
  itemLink: z.string().optional(),
  url: z.string().optional(),
  capturedAt: z.string().optional(),
  /** the reader that produced the transcript: a platform reader's id or `generic` */
  reader: z.string().optional(),
  messageCount: z.number().int().nonnegative().optional(),
  /** false when history loading stopped before the top was reached (see stoppedReason) */
  complete: z.boolean().optional(),
  stoppedReason: z.enum(['top-reached', 'max-rounds', 'max-duration', 'aborted', 'not-loaded']).optional(),
  /** the UTC offset used for relative times like 昨天, in minutes (480 = China Standard Time) */
  utcOffsetMinutes: z.number().int().optional(),
});
export type ChatJson = z.infer<typeof chatJsonSchema>;
export type ChatStoppedReason = NonNullable<ChatJson['stoppedReason']>;

/**
 * One row as a reader sees it, before times are resolved and images mapped to zip paths.
 * `kind: 'divider'` rows carry a date or time line that following messages inherit.
 */
export interface RawChatMessage {
  kind: 'message' | 'system' | 'divider';
  role: ChatRole;
  name: string;
  timeText: string;
  text: string;
  /** absolute image URLs (http(s) or data:image) */
  images: string[];
  links: ChatLink[];
  recalled?: boolean;
  recalledBy?: 'buyer' | 'seller';
  itemLink?: string;
  messageId?: string;
}

export interface ChatHeader {
  shopName?: string;
  shopId?: string;
  sellerId?: string;
  sellerNick?: string;
  itemLink?: string;
}
