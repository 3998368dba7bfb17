import { defineExtensionMessaging } from '@webext-core/messaging';
import type { z } from 'zod';
import type { Verdict } from '@/utils/model/capture';
import type { SellerDigest } from '@/utils/authorized/seller-digest';
import type { CaseStatusMap } from '@/utils/cases/case-status-map';
import type { PageSummary } from '@/utils/content/page-summary';
import {
  captureProgressSchema,
  contentBadgeCountSchema,
  contentSellerDigestSchema,
  contentStartCaptureSchema,
  contentVerdictsSchema,
  emptySchema,
  tabCaptureRequestSchema,
} from '@/utils/messaging/schemas';
import { contentStartChatCaptureSchema, tabChatRequestSchema } from '@/utils/messaging/chat-schemas';
import { contentStartRunSchema, recheckCasesSchema, runControlSchema, runProgressSchema, type RunProgress } from '@/utils/messaging/runner-schemas';
import type { ContentStartCapture } from '@/utils/messaging/schemas';
import type { PanelState } from '@/utils/content/panel-view';

// The one protocol of the extension: each message name maps to who may send it and the zod schema
// of its payload. The payload types, the receivers' parsing and the sender checks all come from
// this map, so a handler cannot pair a name with the wrong schema.

/** who sends a message: a content script, an extension page, or the background (to a tab) */
export type Origin = 'content' | 'extension-page' | 'background';

export interface MessageSpec<S extends z.ZodType, R> {
  from: Origin;
  payload: S;
  /** phantom: the reply type, never read at run time */
  reply?: R;
}

/** `message<Reply>()(from, schema)`: the reply type is given, the payload type comes from the schema. */
const message =
  <R = void>() =>
  <S extends z.ZodType>(from: Origin, payload: S): MessageSpec<S, R> => ({ from, payload });

export const MESSAGES = {
  contentVerdicts: message<{ verdicts: Verdict[] }>()('content', contentVerdictsSchema),
  /** search pages judge their results locally (badges within a frame); null: no list in force; with the shops' case statuses */
  contentSellerDigest: message<{ digest: SellerDigest | null; cases: CaseStatusMap }>()('content', contentSellerDigestSchema),
  contentBadgeCount: message()('content', contentBadgeCountSchema),
  contentStartCapture: message<{ evidenceId: string }>()('content', contentStartCaptureSchema),
  /** content -> background: store a read conversation as a chat capture */
  contentStartChatCapture: message<{ evidenceId: string }>()('content', contentStartChatCaptureSchema),
  /** dashboard -> background: the authorized list in force changed */
  pageListChanged: message()('extension-page', emptySchema),
  /** dashboard -> background: a case's status changed (pages re-judge; the list index stays) */
  pageCasesChanged: message()('extension-page', emptySchema),
  /** popup, context menu and shortcut ask the tab's content script to run its capture */
  tabTriggerCapture: message<{ started: boolean }>()('background', emptySchema),
  /** popup -> content: what the tab's panel shows (listing, verdict, case status) */
  tabPageSummary: message<PageSummary>()('background', emptySchema),
  tabCaptureProgress: message()('background', captureProgressSchema),
  /** background -> content during a capture: one operation of the page's capture session */
  tabCaptureRequest: message<unknown>()('background', tabCaptureRequestSchema),
  /** background -> content: re-judge everything on the page */
  tabListChanged: message()('background', emptySchema),
  /** background -> content during a chat capture (own message: a page holds one listener per type) */
  tabChatRequest: message<unknown>()('background', tabChatRequestSchema),
  tabChatProgress: message()('background', captureProgressSchema),
  /** dashboard -> background: ask now for every pending timestamp ("retry now") */
  pageRetryTimestamps: message<{ stamped: number; pending: number; failed: number }>()('extension-page', emptySchema),
  /** search page -> background: capture its flagged results one at a time (the runner) */
  contentStartRun: message<RunProgress>()('content', contentStartRunSchema),
  /** search page -> background: pause, resume or cancel its run */
  contentRunControl: message<RunProgress>()('content', runControlSchema),
  /** search page -> background: the latest run started from this tab, if any (a reloaded panel) */
  contentRunStatus: message<RunProgress | null>()('content', emptySchema),
  /** background -> search page: its run's progress */
  tabRunProgress: message()('background', runProgressSchema),
  /** background -> a tab the runner opened: the panel's state and, when ready or removed, what to capture */
  tabRunnerPage: message<{ state: PanelState; capture?: ContentStartCapture }>()('background', emptySchema),
  /** dashboard -> background: re-check cases, `{caseIds}` or `{allOpen: true}` (their listings visited by the runner) */
  pageRecheckCases: message<RunProgress>()('extension-page', recheckCasesSchema),
};

export type MessageName = keyof typeof MESSAGES;
export type PayloadOf<K extends MessageName> = z.infer<(typeof MESSAGES)[K]['payload']>;
export type ReplyOf<K extends MessageName> = (typeof MESSAGES)[K] extends MessageSpec<z.ZodType, infer R> ? R : never;

export type ProtocolMap = { [K in MessageName]: (data: PayloadOf<K>) => ReplyOf<K> };

export const messaging = defineExtensionMessaging<ProtocolMap>({ logger: undefined });
