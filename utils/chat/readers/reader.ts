import type { ChatHeader, ChatPlatform, RawChatMessage } from '@/utils/model/chat';
import type { GetStyle, Measure } from '@/utils/chat/role-hints';
import { platformOfHostname } from '@/utils/marketplaces/platforms';

// The contract every chat reader meets: a URL/DOM test, the scrollable message list, the rows
// in it, and what the header says about the shop. Readers are pure: they never scroll or click.

export interface ReadOptions {
  /** layout of an element; injectable because jsdom has none */
  measure?: Measure;
  getStyle?: GetStyle;
}

export interface ChatReader {
  id: string;
  /** the marketplace the page belongs to (a Taobao chat page may be a Tmall shop's) */
  platform(url: URL, doc: Document): ChatPlatform;
  /** cheap: URL first, then at most a few querySelector calls; never throws */
  matches(url: URL | string, doc: Document): boolean;
  /** the scrollable message list */
  findContainer(doc: Document): Element | null;
  readMessages(container: Element, options?: ReadOptions): RawChatMessage[];
  /** cheap count of rows in the list (date lines included), for progress while loading */
  countRows(container: Element): number;
  readHeader(doc: Document): ChatHeader;
}

export function toUrl(url: URL | string): URL | undefined {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The platform a chat page's host belongs to, `unknown` elsewhere. */
export function platformOfHost(host: string): ChatPlatform {
  return platformOfHostname(host) ?? 'unknown';
}
