import type { ChatLink, ChatPlatform, ChatRole, ChatStoppedReason, RawChatMessage } from '@/utils/model/chat';
import { CHINA_UTC_OFFSET_MINUTES, resolveChatTimes } from '@/utils/chat/parse-chat-time';
import { loadHistory, type LoadHistoryOptions } from '@/utils/chat/load-history';
import { mergeSnapshots } from '@/utils/chat/merge-snapshots';
import { genericReader } from '@/utils/chat/readers/generic';
import { toUrl, type ChatReader, type ReadOptions } from '@/utils/chat/readers/reader';
import { CHAT_READERS, chatReaderFor } from '@/utils/chat/readers/registry';

// One conversation, read end to end: choose the reader, load the whole history, read and join
// the rows, resolve times with the date lines in force. Image bytes are the background's job:
// the result lists their URLs, and chat-json.ts maps them to zip paths afterwards.

export interface ConversationMessage {
  role: ChatRole;
  name: string;
  timeText: string;
  time: string;
  text: string;
  /** absolute URLs, fetched and hashed by the background */
  imageUrls: string[];
  links: ChatLink[];
  itemLink?: string;
  recalled?: boolean;
  recalledBy?: 'buyer' | 'seller';
  dateText?: string;
  messageId?: string;
}

export interface Conversation {
  reader: string;
  platform: ChatPlatform;
  url: string;
  shop: { name: string; id: string; sellerId?: string };
  sellerNick?: string;
  itemLink?: string;
  messages: ConversationMessage[];
  /** every image URL once, in order of first appearance */
  imageUrls: string[];
  complete: boolean;
  stoppedReason: ChatStoppedReason;
  utcOffsetMinutes: number;
}

export type HistoryOptions = Omit<LoadHistoryOptions, 'countMessages' | 'signal' | 'onProgress' | 'onRound'>;

export interface ReadConversationOptions {
  doc: Document;
  url: URL | string;
  /** a list the user picked; without it the platform reader finds its own */
  container?: Element | null;
  readers?: readonly ChatReader[];
  /** reference time for 今天/昨天/weekday texts (default: now) */
  now?: Date;
  utcOffsetMinutes?: number;
  /** false: read what is on the page without scrolling */
  history?: false | HistoryOptions;
  signal?: AbortSignal;
  /** messages read so far, after each round of loading (while loading, rows seen: an estimate) */
  onProgress?: (messages: number) => void;
  readOptions?: ReadOptions;
}

export class ChatReadError extends Error {
  constructor(readonly reason: 'no-reader' | 'no-container') {
    super(reason === 'no-reader' ? 'No chat reader for this page; pick the message list.' : 'The message list was not found.');
    this.name = 'ChatReadError';
  }
}

/** The reader and list to use: a platform reader when its list is (inside) the picked one. */
export function chooseReader(
  doc: Document,
  url: URL | string,
  picked?: Element | null,
  readers: readonly ChatReader[] = CHAT_READERS,
): { reader: ChatReader; container: Element } {
  const platform = chatReaderFor(url, doc, readers);
  const found = platform?.findContainer(doc) ?? null;
  if (platform && found && (!picked || picked === found || picked.contains(found) || found.contains(picked))) {
    return { reader: platform, container: found };
  }
  if (picked) return { reader: genericReader, container: picked };
  throw new ChatReadError(platform ? 'no-container' : 'no-reader');
}

export function countMessages(rows: readonly RawChatMessage[]): number {
  return rows.filter((r) => r.kind !== 'divider').length;
}

export async function readConversation(options: ReadConversationOptions): Promise<Conversation> {
  const { doc } = options;
  const url = toUrl(options.url) ?? new URL(doc.URL);
  const { reader, container } = chooseReader(doc, url, options.container, options.readers);
  const read = (): RawChatMessage[] => reader.readMessages(container, options.readOptions);

  let rows = read();
  options.onProgress?.(countMessages(rows));
  let stoppedReason: ChatStoppedReason = 'not-loaded';
  if (options.history !== false) {
    // Re-reading the whole list every round costs O(n²); only a list that drops rows (a
    // virtualised one) needs it. Until the page removes something, the final read has it all.
    let dropsRows = false;
    const View = container.ownerDocument.defaultView?.MutationObserver;
    const observer = View ? new View((records) => (dropsRows ||= records.some((r) => r.removedNodes.length > 0))) : undefined;
    observer?.observe(container, { childList: true, subtree: true });
    try {
      const result = await loadHistory(container, {
        ...options.history,
        // Any new element in the list means the page added something; cheaper than reading rows.
        countMessages: () => container.getElementsByTagName('*').length,
        signal: options.signal,
        onRound: () => {
          if (dropsRows || !View) rows = mergeSnapshots(rows, read());
          options.onProgress?.(dropsRows || !View ? countMessages(rows) : Math.max(countMessages(rows), reader.countRows(container)));
        },
      });
      stoppedReason = result.stoppedReason;
    } finally {
      observer?.disconnect();
    }
  }
  rows = mergeSnapshots(rows, read());
  options.onProgress?.(countMessages(rows));

  const utcOffsetMinutes = options.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
  const times = resolveChatTimes(rows, { now: options.now ?? new Date(), utcOffsetMinutes });
  const messages: ConversationMessage[] = [];
  rows.forEach((row, index) => {
    if (row.kind === 'divider') return;
    const t = times[index] ?? { timeText: row.timeText, time: '' };
    messages.push({
      role: row.role,
      name: row.name,
      timeText: t.timeText,
      time: t.time,
      text: row.text,
      imageUrls: row.images,
      links: row.links,
      ...(row.itemLink ? { itemLink: row.itemLink } : {}),
      ...(row.recalled ? { recalled: true } : {}),
      ...(row.recalledBy ? { recalledBy: row.recalledBy } : {}),
      ...(t.dateText ? { dateText: t.dateText } : {}),
      ...(row.messageId ? { messageId: row.messageId } : {}),
    });
  });

  const header = reader.readHeader(doc);
  const imageUrls = [...new Set(messages.flatMap((m) => m.imageUrls))];
  const itemLink = header.itemLink ?? messages.find((m) => m.itemLink)?.itemLink;
  return {
    reader: reader.id,
    platform: reader.platform(url, doc),
    url: url.href,
    shop: { name: header.shopName ?? '', id: header.shopId ?? '', ...(header.sellerId ? { sellerId: header.sellerId } : {}) },
    ...(header.sellerNick ? { sellerNick: header.sellerNick } : {}),
    ...(itemLink ? { itemLink } : {}),
    messages,
    imageUrls,
    complete: stoppedReason === 'top-reached',
    stoppedReason,
    utcOffsetMinutes,
  };
}
