import { describe, expect, it } from 'vitest';
import { MESSAGES, type MessageName } from '@/utils/messaging/protocol';
import { parsePayload, senderAllowed, type MessageSender } from '@/utils/messaging/receive';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;

const senders: Record<string, MessageSender> = {
  marketplaceTab: { id: EXT, url: 'https://item.taobao.com/item.htm?id=1', tab: { id: 3, url: 'https://item.taobao.com/item.htm?id=1' } },
  otherSiteTab: { id: EXT, url: 'https://evil.example/', tab: { id: 4, url: 'https://evil.example/' } },
  plainHttpMarketplace: { id: EXT, url: 'http://item.taobao.com/item.htm?id=1', tab: { id: 5, url: 'http://item.taobao.com/item.htm?id=1' } },
  otherExtensionTab: { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'https://item.taobao.com/item.htm?id=1', tab: { id: 6 } },
  dashboard: { id: EXT, url: `${ORIGIN}dashboard.html` },
  background: { id: EXT, url: `${ORIGIN}background.js` },
  otherExtension: { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' },
};

describe('senderAllowed', () => {
  it.each([
    ['content', 'marketplaceTab', true],
    ['content', 'otherSiteTab', false],
    ['content', 'plainHttpMarketplace', false],
    ['content', 'otherExtensionTab', false],
    ['content', 'dashboard', false],
    ['extension-page', 'dashboard', true],
    ['extension-page', 'marketplaceTab', false],
    ['extension-page', 'otherExtension', false],
    ['background', 'background', true],
    ['background', 'dashboard', true],
    ['background', 'marketplaceTab', false],
    ['background', 'otherExtension', false],
  ] as const)('%s message from %s: %s', (from, sender, allowed) => {
    expect(senderAllowed(from, senders[sender]!, EXT, ORIGIN)).toBe(allowed);
  });

  it('every message of the protocol names who may send it', () => {
    for (const name of Object.keys(MESSAGES) as MessageName[]) {
      expect(['content', 'extension-page', 'background']).toContain(MESSAGES[name].from);
      // direction in the name: content* from content scripts, page* from pages, tab* to tabs
      const expected = name.startsWith('content') ? 'content' : name.startsWith('page') ? 'extension-page' : 'background';
      expect(MESSAGES[name].from, name).toBe(expected);
    }
  });
});

const listing = {
  platform: 'jd',
  itemId: '100313528034',
  url: 'https://item.jd.com/100313528034.html',
  title: 'a title',
  shop: { name: '', id: '1000222127' },
  prices: {},
  skus: [],
  images: [],
};
const capture = (over: Record<string, unknown> = {}) => ({
  extraction: { listing: { ...listing, ...over }, sources: { itemId: 'url' }, warnings: [], extractorVersion: 'jd@1' },
  pageTitle: 't',
  requestedUrl: listing.url,
});

describe('parsePayload', () => {
  it('accepts a bounded capture payload, a shop known only by its id included', () => {
    expect(parsePayload('contentStartCapture', capture()).extraction.listing.shop.id).toBe('1000222127');
  });

  it.each([
    ['too many images', { images: Array.from({ length: 201 }, (_, i) => `https://img/${i}.jpg`) }, 'extraction.listing.images'],
    ['an overlong title', { title: 'x'.repeat(2001) }, 'extraction.listing.title'],
    ['an unknown platform', { platform: 'amazon' }, 'extraction.listing.platform'],
    ['a non-integer price', { prices: { list: { min: 1.5, max: 2 } } }, 'extraction.listing.prices.list.min'],
  ])('rejects %s, naming the field', (_, over, path) => {
    expect(() => parsePayload('contentStartCapture', capture(over))).toThrow(path);
  });

  it('rejects an unknown field source', () => {
    const bad = capture();
    (bad.extraction.sources as Record<string, string>).title = 'guess';
    expect(() => parsePayload('contentStartCapture', bad)).toThrow('extraction.sources.title');
  });

  it('checks background-to-tab payloads too', () => {
    expect(() => parsePayload('tabCaptureRequest', { op: 'scrollTo', y: -1 })).toThrow('tabCaptureRequest: invalid payload: y');
    expect(parsePayload('tabCaptureRequest', { op: 'scrollTo', y: 40 })).toEqual({ op: 'scrollTo', y: 40 });
  });
});
