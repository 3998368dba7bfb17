import { describe, expect, it } from 'vitest';
import { itemIdFromAnyLink, platformFromName, platformOfHostname } from '@/utils/marketplaces/platforms';

describe('platform facts', () => {
  it('names: ids in any case and the aliases people write', () => {
    expect(['taobao', 'TMALL', ' jd ', '淘宝', '天猫', '京东', '拼多多', '淘宝网'].map(platformFromName)).toEqual([
      'taobao',
      'tmall',
      'jd',
      'taobao',
      'tmall',
      'jd',
      'pdd',
      'taobao',
    ]);
    expect(platformFromName('亚马逊')).toBeUndefined();
    expect(platformFromName('')).toBeUndefined();
  });

  it('hosts: each marketplace its own, look-alikes none', () => {
    expect(platformOfHostname('h5.m.taobao.com')).toBe('taobao');
    expect(platformOfHostname('detail.tmall.hk')).toBe('tmall');
    expect(platformOfHostname('item.m.jd.com')).toBe('jd');
    expect(platformOfHostname('mobile.pinduoduo.com')).toBe('pdd');
    expect(platformOfHostname('taobao.com.evil.example')).toBeUndefined();
    expect(platformOfHostname('nottmall.com')).toBeUndefined();
  });

  it('item links', () => {
    expect(itemIdFromAnyLink('//h5.m.taobao.com/awp/core/detail.htm?id=1021732889355')).toBe('1021732889355');
    expect(itemIdFromAnyLink('https://mobile.yangkeduo.com/goods2.html?goods_id=662284821710')).toBe('662284821710');
    expect(itemIdFromAnyLink('https://item.jd.com/100313528034.html#crumb')).toBe('100313528034');
    expect(itemIdFromAnyLink('https://mall.jd.com/index-1000222127.html')).toBe('');
    expect(itemIdFromAnyLink('https://example.com/item.htm?id=123456')).toBe('');
  });
});
