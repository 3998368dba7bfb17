// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadDocument, realFixture } from '@/tests/helpers/load-page';
import { tmallAdapter } from '@/utils/marketplaces/tmall/adapter';

const URL_LIST = 'https://list.tmall.com/search_product.htm?q=%B3%A9%CF%FA%CD%AF%CA%E9';

describe('tmall list search', () => {
  it('2020 server page: 60 div.product cards', () => {
    const doc = loadDocument(realFixture('tmall/search/tmall-list-search_product-2020.html'), URL_LIST);
    expect(tmallAdapter.detectPage(doc, new URL(URL_LIST))).toBe('search');
    const r = tmallAdapter.extractSearchResults!(doc, new URL(URL_LIST));
    expect(r.source).toBe('dom');
    expect(r.results).toHaveLength(60);
    const { element, ...first } = r.results[0]!;
    expect(first).toEqual({
      platform: 'tmall',
      itemId: '587748654533',
      title: '2019版全套14册写给孩子的中国地理百科全书刘兴诗爷爷讲述给祖国壮美山河中国小学生基础阅读书目三四五年级课外书必读书籍畅销书',
      shopName: '东润图书专营店',
      sellerId: '717005079',
      priceFen: 16800,
    });
    expect(element?.getAttribute('data-id')).toBe('587748654533');
    expect(r.results[1]).toMatchObject({ itemId: '600999297916', shopName: '漫阅图书专营店', priceFen: 14600 });
  });

  it('a page without cards yields none, with a warning', () => {
    const doc = new JSDOM('<!doctype html><title>x</title>', { url: URL_LIST }).window.document;
    expect(tmallAdapter.extractSearchResults!(doc, new URL(URL_LIST))).toEqual({ results: [], source: 'none', warnings: ['no search results found'] });
  });
});
