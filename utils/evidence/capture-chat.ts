import type { ListingProofDatabase } from '@/utils/db/database';
import type { Conversation } from '@/utils/chat/read-conversation';
import { assignImagePaths, toChatJson } from '@/utils/chat/chat-json';
import { renderChatHtml } from '@/utils/chat/chat-html';
import type { Locale } from '@/utils/i18n/locale';
import { chatImages } from '@/utils/evidence/chat-images';
import { chatRecordPlatform, chatTitle, itemIdFromLink } from '@/utils/evidence/chat-record';
import { realClock, scheduleCaptures, type Clock } from '@/utils/evidence/capture-scheduler';
import { CaptureStepError, errorMessage } from '@/utils/evidence/capture-step-error';
import { captureViewport, isScreenshotPermissionError, type PngImage } from '@/utils/evidence/capture-viewport';
import type { FetchLike } from '@/utils/evidence/fetch-images';
import { hashArtifacts, type PendingFile } from '@/utils/evidence/pending-file';
import { localIsoString } from '@/utils/evidence/local-time';
import { storeCapture, type StoreOptions } from '@/utils/evidence/store-capture';
import type { ChatScreensReply } from '@/utils/messaging/chat-schemas';
import type { CaptureEnvironment, CaptureRecord, Verdict } from '@/utils/model/capture';

// One chat capture (background side): a browser screenshot of every screen of the message list
// (the page steps the list, we shoot within Chrome's 2/s budget), the chat's images, chat.json
// and chat.html, SHA-256 of each, one atomic store that joins the shop's case.

export const CHAT_CAPTURE_STEPS = ['screens', 'images', 'transcript', 'hashing', 'storing'] as const;
export type ChatCaptureStep = (typeof CHAT_CAPTURE_STEPS)[number];

export const CHAT_SCREENSHOT_PERMISSION_WARNING =
  "screens: the browser's own screenshot was not allowed (grant 'all sites' screenshot access in the dashboard); the conversation was stored without per-screen screenshots";

/** What the background asks of the page during a chat capture. */
export interface ChatPageRequests {
  hideUi(): Promise<void>;
  /** our panel back, the list where the user had it */
  showUi(): Promise<void>;
  screens(): Promise<ChatScreensReply>;
  /** scroll the list to screen `index` and wait for it to paint */
  scrollToScreen(index: number): Promise<void>;
}

export interface CaptureChatDeps {
  captureVisibleTab(windowId: number): Promise<string>;
  page: ChatPageRequests;
  fetch: FetchLike;
  environment(): Promise<CaptureEnvironment>;
  now(): Date;
  randomUUID(): string;
  db: ListingProofDatabase;
  clock?: Clock;
  onStored?: StoreOptions['onStored'];
  /** who seals the capture (seal.json, §6.3) */
  seal?: StoreOptions['seal'];
}

export interface CaptureChatInput {
  windowId: number;
  requestedUrl: string;
  finalUrl: string;
  pageTitle: string;
  conversation: Conversation;
  verdict: Verdict;
  investigator: string;
  /** language of chat.html (default: the current one) */
  locale?: Locale;
}

export interface ChatCaptureProgress {
  step: ChatCaptureStep;
  done: number;
  total: number;
}

async function step<T>(name: ChatCaptureStep, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof CaptureStepError) throw err;
    throw new Error(`${name}: ${errorMessage(err)}`, { cause: err });
  }
}

/** `screen-01.png` … numbered in scroll order (top of the conversation first). */
export function screenPath(index: number, total: number): string {
  return `screen-${String(index + 1).padStart(Math.max(2, String(total).length), '0')}.png`;
}

async function shootScreens(
  deps: CaptureChatDeps,
  input: CaptureChatInput,
  files: PendingFile[],
  warnings: string[],
  onScreen: (done: number, total: number) => void,
): Promise<void> {
  const shot = scheduleCaptures(() => deps.captureVisibleTab(input.windowId), deps.clock ?? realClock);
  await deps.page.hideUi();
  try {
    const { positions, scrollHeight, clientHeight } = await deps.page.screens();
    for (const [index, top] of positions.entries()) {
      onScreen(index, positions.length);
      await deps.page.scrollToScreen(index);
      let png: PngImage;
      try {
        png = await captureViewport(shot);
      } catch (err) {
        if (!isScreenshotPermissionError(err)) throw err;
        warnings.push(CHAT_SCREENSHOT_PERMISSION_WARNING);
        return;
      }
      const note = `browser screenshot ${index + 1}/${positions.length} of the message list at scrollTop ${Math.round(top)} (list ${Math.round(scrollHeight)} px, ${Math.round(clientHeight)} px per screen), ${png.width}x${png.height} px`;
      files.push({ path: screenPath(index, positions.length), blob: png.blob, method: 'captureVisibleTab', note });
    }
  } finally {
    await deps.page.showUi().catch((err: unknown) => warnings.push(`the page could not be restored after the screenshots: ${errorMessage(err)}`));
  }
}

export async function captureChat(
  deps: CaptureChatDeps,
  input: CaptureChatInput,
  onProgress: (p: ChatCaptureProgress) => void = () => {},
): Promise<CaptureRecord> {
  const total = CHAT_CAPTURE_STEPS.length;
  const progress = (name: ChatCaptureStep) => onProgress({ step: name, done: CHAT_CAPTURE_STEPS.indexOf(name), total });
  const { conversation } = input;
  const platform = chatRecordPlatform(conversation, input.finalUrl);
  const id = deps.randomUUID();
  const startedAt = localIsoString(deps.now());
  const files: PendingFile[] = [];
  const warnings: string[] = [];
  if (!conversation.complete) warnings.push(`chat: history not loaded to the first message (${conversation.stoppedReason})`);
  const environment = deps.environment();
  environment.catch(() => undefined); // awaited (and reported) at the transcript step

  progress('screens');
  await step('screens', () => shootScreens(deps, input, files, warnings, (done, n) => onProgress({ step: 'screens', done, total: n })));
  const capturedAt = localIsoString(deps.now());

  progress('images');
  const imagePaths = await step('images', async () => {
    const { images, warnings: imageWarnings } = await chatImages(deps.fetch, conversation.imageUrls);
    warnings.push(...imageWarnings);
    const paths = assignImagePaths(images);
    for (const img of images) {
      const path = paths.get(img.url);
      if (!path) continue;
      const from = img.fetchedUrl.startsWith('data:') ? 'inline in the chat (data: URL)' : `fetched from ${img.fetchedUrl}`;
      files.push({ path, blob: new Blob([img.bytes], { type: img.mediaType }), method: 'extension-fetch', note: from });
    }
    return paths;
  });

  progress('transcript');
  const env = await step('transcript', async () => {
    const chat = toChatJson(conversation, imagePaths, { capturedAt });
    const note = `read by the ${conversation.reader} chat reader: ${chat.messages.length} messages`;
    files.push({ path: 'chat.json', blob: new Blob([`${JSON.stringify(chat, null, 2)}\n`], { type: 'application/json' }), method: 'chat-reader', note });
    files.push({
      path: 'chat.html',
      blob: new Blob([renderChatHtml(chat, { locale: input.locale })], { type: 'text/html' }),
      method: 'chat-reader',
      note: 'transcript of chat.json for reading',
    });
    return environment;
  });

  progress('hashing');
  const artifacts = await step('hashing', () => hashArtifacts(files));

  progress('storing');
  const draft = {
    id,
    kind: 'chat' as const,
    platform,
    url: input.requestedUrl,
    finalUrl: input.finalUrl,
    pageTitle: input.pageTitle,
    itemId: itemIdFromLink(conversation.itemLink),
    title: chatTitle(conversation),
    shop: { name: conversation.shop.name, id: conversation.shop.id, sellerId: conversation.shop.sellerId ?? '' },
    price: { lowest: '', currency: 'CNY' as const },
    verdict: input.verdict,
    startedAt,
    capturedAt,
    investigator: input.investigator,
    extractorVersion: `chat/${conversation.reader}`,
    environment: env,
    artifacts,
    warnings,
  };
  const blobs = new Map(files.map((f) => [f.path, f.blob]));
  const stored = await storeCapture(deps.db, draft, blobs, {
    now: localIsoString(deps.now()),
    newCaseId: () => deps.randomUUID(),
    onStored: deps.onStored,
    seal: deps.seal,
  });
  onProgress({ step: 'storing', done: total, total });
  return stored;
}
