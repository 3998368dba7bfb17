import { describe, expect, it } from 'vitest';
import { itemLink } from '@/utils/marketplaces/taobao/search-cards';

// itemLink reads common links with a pattern and the rest with the URL parser; both must agree.
function byUrlParser(href: string): { itemId: string; tmall: boolean } | undefined {
  const url = new URL(href, 'https://s.taobao.com/');
  if (!/(^|\.)(item\.taobao\.com|detail\.tmall\.com|detail\.m\.tmall\.com|detail\.tmall\.hk)$/i.test(url.hostname)) return undefined;
  const id = url.searchParams.get('id');
  return id && /^\d{5,20}$/.test(id) ? { itemId: id, tmall: url.hostname.includes('tmall') } : undefined;
}

describe('item links on search pages', () => {
  const hrefs = [
    '//item.taobao.com/item.htm?id=800000000001&ns=1',
    'https://detail.tmall.com/item.htm?spm=a230r.1&id=612345678901#detail',
    '//detail.tmall.com/item.htm?xid=123456&id=654321',
    '//item.taobao.com/item.htm?id=abc&id=123456',
    '//item.taobao.com/item.htm?id=%3123456',
    '//ITEM.TAOBAO.COM/item.htm?id=123456',
    'http://item.taobao.com/item.htm?id=123456',
    '//item.taobao.com:443/item.htm?id=123456',
    '//evil.example/item.htm?id=123456',
    '//item.taobao.com.evil.example/item.htm?id=123456',
    '//item.taobao.com/item.htm?id=1234',
    '//item.taobao.com/item.htm?id=1234567&',
    '//item.taobao.com/item.htm?id=12345678x',
    '/item.htm?id=123456',
  ];
  for (const href of hrefs) {
    it(`reads ${href} as the URL parser does`, () => expect(itemLink(href)).toEqual(byUrlParser(href)));
  }
  it('finds the item in common links', () => {
    expect(itemLink('//detail.tmall.com/item.htm?xid=123456&id=654321')).toEqual({ itemId: '654321', tmall: true });
  });
});
