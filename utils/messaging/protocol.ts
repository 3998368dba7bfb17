import { defineExtensionMessaging } from '@webext-core/messaging';
import type { z } from 'zod';
import type { Verdict } from '@/utils/model/capture';
import type { SellerDigest } from '@/utils/authorized/seller-digest';
import type {
  captureProgressSchema,
  contentBadgeCountSchema,
  contentSellerDigestSchema,
  contentStartCaptureSchema,
  contentVerdictsSchema,
  tabCaptureRequestSchema,
} from '@/utils/messaging/schemas';
import type { contentStartChatCaptureSchema, tabChatRequestSchema } from '@/utils/messaging/chat-schemas';

// The one typed protocol of the extension. Payload types come from the zod schemas, which the
// receiving side parses again (utils/messaging/receive.ts): a type is a promise, not a check.
export interface ProtocolMap {
  contentVerdicts(data: z.infer<typeof contentVerdictsSchema>): { verdicts: Verdict[] };
  /** search pages judge their results locally (badges within a frame); null: no list in force */
  contentSellerDigest(data: z.infer<typeof contentSellerDigestSchema>): { digest: SellerDigest | null };
  contentBadgeCount(data: z.infer<typeof contentBadgeCountSchema>): void;
  contentStartCapture(data: z.infer<typeof contentStartCaptureSchema>): { evidenceId: string };
  /** popup, context menu and shortcut ask the tab's content script to run its capture */
  tabTriggerCapture(data: Record<string, never>): { started: boolean };
  tabCaptureProgress(data: z.infer<typeof captureProgressSchema>): void;
  /** background -> content during a capture: one operation of the page's capture session */
  tabCaptureRequest(data: z.infer<typeof tabCaptureRequestSchema>): unknown;
  /** dashboard -> background: the authorized list in force changed */
  pageListChanged(data: Record<string, never>): void;
  /** background -> content: re-judge everything on the page */
  tabListChanged(data: Record<string, never>): void;
  /** content -> background: store a read conversation as a chat capture */
  contentStartChatCapture(data: z.infer<typeof contentStartChatCaptureSchema>): { evidenceId: string };
  /** background -> content during a chat capture (own message: a page holds one listener per type) */
  tabChatRequest(data: z.infer<typeof tabChatRequestSchema>): unknown;
  tabChatProgress(data: z.infer<typeof captureProgressSchema>): void;
  /** dashboard -> background: ask now for every pending timestamp ("retry now") */
  pageRetryTimestamps(data: Record<string, never>): { stamped: number; pending: number; failed: number };
}

export const messaging = defineExtensionMessaging<ProtocolMap>({ logger: undefined });
