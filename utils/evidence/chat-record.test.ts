import { describe, expect, it } from 'vitest';
import { chatRecordPlatform, chatTitle, itemIdFromLink } from '@/utils/evidence/chat-record';

describe('chat record fields', () => {
  it("reads the item id from each platform's item link", () => {
    expect(itemIdFromLink('https://item.taobao.com/item.htm?id=781234567890&spm=a')).toBe('781234567890');
    expect(itemIdFromLink('//detail.tmall.com/item.htm?id=750123456781')).toBe('750123456781');
    expect(itemIdFromLink('https://item.jd.com/100012043978.html')).toBe('100012043978');
    expect(itemIdFromLink('https://item.m.jd.com/product/100012043978.html')).toBe('100012043978');
    expect(itemIdFromLink('https://mobile.yangkeduo.com/goods.html?goods_id=432109876543')).toBe('432109876543');
  });

  it('gives no item id for other links, junk ids or none', () => {
    expect(itemIdFromLink(undefined)).toBe('');
    expect(itemIdFromLink('not a url')).toBe('');
    expect(itemIdFromLink('https://shop106453811.taobao.com/')).toBe('');
    expect(itemIdFromLink('https://item.taobao.com/item.htm?id=12ab')).toBe('');
    expect(itemIdFromLink('https://evil.example.com/item.htm?id=1')).toBe('');
  });

  it("takes the platform from the reader, else from the tab's marketplace host", () => {
    expect(chatRecordPlatform({ platform: 'tmall' }, 'https://market.m.taobao.com/app/im/chat/index.html')).toBe('tmall');
    expect(chatRecordPlatform({ platform: 'unknown' }, 'https://market.m.taobao.com/app/shop-service/')).toBe('taobao');
    expect(chatRecordPlatform({ platform: 'unknown' }, 'https://mobile.yangkeduo.com/x.html')).toBe('pdd');
    expect(() => chatRecordPlatform({ platform: 'unknown' }, 'https://chat.example.com/')).toThrow(/cannot be told/);
  });

  it('titles the chat by shop, else seller nick or shop id', () => {
    expect(chatTitle({ shop: { name: '回力棉娅专卖店', id: '1' } })).toBe('chat with 回力棉娅专卖店');
    expect(chatTitle({ shop: { name: '', id: '' }, sellerNick: 'cntaobao小余' })).toBe('chat with cntaobao小余');
    expect(chatTitle({ shop: { name: '', id: '' } })).toBe('chat with unknown shop');
  });
});
