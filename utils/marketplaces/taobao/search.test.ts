// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadDocument, ownFixture, realFixture } from '@/tests/helpers/load-page';
import { taobaoAdapter } from '@/utils/marketplaces/taobao/adapter';
import type { SearchExtraction } from '@/utils/model/search-result';

const SEARCH = 'https://s.taobao.com/search?q=x';
function search(file: URL): SearchExtraction {
  const doc = loadDocument(file, SEARCH);
  expect(taobaoAdapter.detectPage(doc, new URL(SEARCH))).toBe('search');
  return taobaoAdapter.extractSearchResults!(doc, new URL(SEARCH));
}
const strip = ({ element: _e, ...rest }: SearchExtraction['results'][number]) => rest;

describe('taobao search', () => {
  it('2016 raw page: results from g_page_config only, Tmall ones by shopcard.isTmall', () => {
    const r = search(realFixture('taobao/search/taobao-search-2016-g_page_config-raw.htm'));
    expect(r.source).toBe('state');
    expect(r.results).toHaveLength(36);
    expect(strip(r.results[0]!)).toEqual({
      platform: 'taobao',
      itemId: '528991075854',
      title: '回力2016夏季真皮男士沙滩鞋休闲凉鞋透气潮',
      shopName: '回力老字号',
      sellerId: '2430451615',
      priceFen: 11500,
    });
    expect(r.results[1]).toMatchObject({ platform: 'tmall', itemId: '2246625565', sellerId: '192699819' });
    expect(r.results.filter((x) => x.platform === 'tmall')).toHaveLength(27);
    expect(r.results.every((x) => x.element === undefined)).toBe(true);
  });

  it('2018 listsrp raw page: 60 results from the state', () => {
    const r = search(realFixture('taobao/search/taobao-search-2018-listsrp-raw.html'));
    expect(r.source).toBe('state');
    expect(r.results).toHaveLength(60);
    expect(strip(r.results[0]!)).toEqual({
      platform: 'taobao',
      itemId: '571575866125',
      title: '钩花镂空v领短袖蕾丝衫女夏装2018新款宽松显瘦开衫超仙闺蜜上衣',
      shopName: 'machael_go',
      sellerId: '79006869',
      priceFen: 9900,
    });
  });

  it('2018 rendered page: 48 DOM cards with their elements', () => {
    const r = search(realFixture('taobao/search/taobao-search-2018-rendered-DOM.html'));
    expect(r.source).toBe('dom');
    expect(r.results).toHaveLength(48);
    expect(strip(r.results[0]!)).toEqual({
      platform: 'tmall',
      itemId: '566741234264',
      title: '2018新款 Apple/苹果 9.7英寸iPad 智能平板电脑 正品国行新品',
      shopName: '苏宁易购官方旗舰店',
      sellerId: '2616970884',
      priceFen: 228800,
    });
    expect(r.results.at(-1)).toMatchObject({ platform: 'taobao', itemId: '564996303586', shopName: '葛给力服饰', sellerId: '1772520493', priceFen: 118000 });
    expect(r.results.filter((x) => x.platform === 'tmall')).toHaveLength(46);
    expect(r.results.every((x) => x.element?.matches('.item.J_MouserOnverReq'))).toBe(true);
  });

  it('current page: cards found by their item links or sponsored item ids, hashed classes, outside links skipped', () => {
    const r = search(ownFixture('taobao/search-2025.html'));
    expect(r.source).toBe('dom');
    expect(r.results.map((x) => x.itemId)).toEqual([
      '781234567890',
      '750123456781',
      '790000000333',
      '790000001010',
      '750123456799',
      '790000000444',
      '790000000555',
      '760000000666',
      '790000000777',
      '790000000888',
      '760000000999',
    ]);
    // the sponsored (直通车) card links through click.simba but is a listing like any other
    expect(strip(r.results[3]!)).toEqual({
      platform: 'taobao',
      itemId: '790000001010',
      title: 'XR-200 同款降噪耳机 头戴式',
      shopName: '音悦数码专营店',
      sellerId: '2200001010',
      priceFen: 9900,
    });
    r.results.splice(3, 1);
    expect(strip(r.results[0]!)).toEqual({
      platform: 'taobao',
      itemId: '781234567890',
      title: '极光 XR-200 主动降噪蓝牙耳机 头戴式 无线 超长续航',
      shopName: '极光数码专营店',
      sellerId: '2207654321',
      priceFen: 26900,
    });
    expect(r.results.filter((x) => x.platform === 'tmall').map((x) => x.itemId)).toEqual(['750123456781', '750123456799', '760000000666', '760000000999']);
    expect(r.results[2]).toMatchObject({ shopId: '310000333', priceFen: 15850 });
    expect(r.results[4]).toMatchObject({ priceFen: 109900 });
    expect(r.results[7]).toMatchObject({ title: '<img src=x onerror=alert(1)> XR-200 耳机', shopName: '"><b>店' });
    expect(r.results[9]).toMatchObject({ title: 'XR-200 降噪耳机 官方授权 顺丰包邮', priceFen: 57900, sellerId: '2200000999' });
    for (const x of r.results) {
      expect(x.element?.classList.contains('tbpc-col')).toBe(true);
    }
  });
});
