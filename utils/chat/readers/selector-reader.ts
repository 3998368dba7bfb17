import type { ChatHeader, ChatPlatform, RawChatMessage } from '@/utils/model/chat';
import { cleanName } from '@/utils/marketplaces/decode';
import { isItemUrl, resolveUrl } from '@/utils/chat/message-parts';
import { readRow, type RowSelectors } from '@/utils/chat/row-reader';
import { SelectorIndex } from '@/utils/chat/selector-index';
import { toUrl, type ChatReader, type ReadOptions } from '@/utils/chat/readers/reader';

// Builds a platform reader from one block of selectors, so a layout change on a platform is a
// one-place edit. What the selectors leave open falls back to the shared row heuristics.

export interface SelectorReaderConfig {
  id: string;
  platform: (url: URL, doc: Document) => ChatPlatform;
  /** hosts the reader claims */
  host: RegExp;
  /** path (and query) of a chat page on those hosts */
  path: RegExp;
  /** on a claimed host with another path, a selector whose presence still marks a chat page */
  detect?: string;
  containers: string[];
  /** message rows, relative to the container */
  row: string;
  selectors: RowSelectors;
  header: {
    shopName: string[];
    sellerNick: string[];
    /** elements whose attribute or link carries the shop id */
    shopId: { selector: string; attr: string; pattern?: RegExp }[];
    /** URL query parameters that carry the shop id */
    shopIdParams: string[];
    sellerIdParams?: string[];
    itemLink: string[];
  };
}

function firstText(doc: Document, selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const text = cleanName(doc.querySelector(sel)?.textContent);
    if (text) return text;
  }
  return undefined;
}

function pageUrl(doc: Document): URL | undefined {
  return toUrl(doc.URL);
}

export function createSelectorReader(config: SelectorReaderConfig): ChatReader {
  const findContainer = (doc: Document): Element | null => {
    for (const sel of config.containers) {
      const el = doc.querySelector(sel);
      if (el) return el;
    }
    return null;
  };

  const readHeader = (doc: Document): ChatHeader => {
    const url = pageUrl(doc);
    const header: ChatHeader = {};
    const shopName = firstText(doc, config.header.shopName);
    const sellerNick = firstText(doc, config.header.sellerNick)?.replace(/^cntaobao/, '');
    if (sellerNick) header.sellerNick = sellerNick;
    // A sub-account nick is "shop:staff"; the part before the colon is the shop's main account.
    const fromNick = sellerNick?.split(/[:：]/)[0]?.trim();
    if (shopName ?? fromNick) header.shopName = shopName ?? fromNick;
    for (const { selector, attr, pattern } of config.header.shopId) {
      const raw = doc.querySelector(selector)?.getAttribute(attr) ?? '';
      const id = pattern ? pattern.exec(raw)?.[1] : raw.trim();
      if (id) {
        header.shopId = id;
        break;
      }
    }
    for (const param of config.header.shopIdParams) {
      const id = url?.searchParams.get(param)?.trim();
      if (!header.shopId && id) header.shopId = id;
    }
    for (const param of config.header.sellerIdParams ?? []) {
      const id = url?.searchParams.get(param)?.trim();
      if (!header.sellerId && id) header.sellerId = id;
    }
    for (const sel of config.header.itemLink) {
      const href = resolveUrl(doc.querySelector(sel)?.getAttribute('href'), doc.URL);
      if (href && isItemUrl(href)) {
        header.itemLink = href;
        break;
      }
    }
    return header;
  };

  return {
    id: config.id,
    platform: config.platform,
    matches(url, doc) {
      const u = toUrl(url);
      if (!u || !config.host.test(u.hostname)) return false;
      if (config.path.test(u.pathname + u.search)) return true;
      try {
        return !!config.detect && doc.querySelector(config.detect) !== null;
      } catch {
        return false;
      }
    },
    findContainer,
    countRows: (container) => container.querySelectorAll(config.row).length,
    readMessages(container: Element, options: ReadOptions = {}): RawChatMessage[] {
      const base = container.ownerDocument.URL;
      const rows = Array.from(container.querySelectorAll(config.row));
      const index = new SelectorIndex(container, { ...config.selectors });
      const out: RawChatMessage[] = [];
      for (const row of rows) {
        const message = readRow(row, { ...options, container, base, selectors: config.selectors, index });
        if (message) out.push(message);
      }
      return out;
    },
    readHeader,
  };
}
