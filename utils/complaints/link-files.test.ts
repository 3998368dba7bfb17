import { describe, expect, it } from 'vitest';
import { linkFiles } from '@/utils/complaints/link-files';
import { canonicalItemUrl } from '@/utils/marketplaces/canonical-url';
import { channelOf } from '@/utils/complaints/channels';

describe('canonical listing URLs (contract §6.4)', () => {
  it.each([
    ['taobao', '781234567890', 'https://item.taobao.com/item.htm?id=781234567890'],
    ['tmall', '750123456781', 'https://detail.tmall.com/item.htm?id=750123456781'],
    ['jd', '100313528034', 'https://item.jd.com/100313528034.html'],
    ['pdd', '662284821710', 'https://mobile.yangkeduo.com/goods.html?goods_id=662284821710'],
  ] as const)('%s', (platform, id, url) => expect(canonicalItemUrl(platform, id)).toBe(url));

  it('refuses an item id that is not a platform id, instead of writing a wrong link', () => {
    expect(() => canonicalItemUrl('jd', '1.html?x=javascript:')).toThrow('not a jd item id');
  });

  it('puts Taobao and Tmall on the Alibaba channel', () => {
    expect([channelOf('taobao'), channelOf('tmall'), channelOf('jd'), channelOf('pdd')]).toEqual(['alibaba', 'alibaba', 'jd', 'pdd']);
  });
});

describe('link files', () => {
  const listings = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ platform: i % 2 ? ('tmall' as const) : ('taobao' as const), itemId: String(600000000000 + i) }));

  it('splits 301 listings into a file of 300 and a file of 1, one URL per line', () => {
    const files = linkFiles('alibaba', listings(301));
    expect(files.map((f) => f.path)).toEqual(['links/alibaba-001.txt', 'links/alibaba-002.txt']);
    expect(files.map((f) => f.text.split(/\r?\n/).filter(Boolean).length)).toEqual([300, 1]);
    expect(files[1]!.urls).toEqual(['https://item.taobao.com/item.htm?id=600000000300']);
  });

  it('lists each listing once, however often it was captured', () => {
    const twice = [...listings(3), ...listings(3)];
    expect(linkFiles('alibaba', twice)[0]!.urls).toHaveLength(3);
  });

  it('writes no file when there is no listing', () => {
    expect(linkFiles('jd', [])).toEqual([]);
  });
});
