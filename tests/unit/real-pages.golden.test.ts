import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractSavedPage, type ExtractOutput } from '@/utils/cli/extract-page';

// Every real saved page in tests/fixtures/real/ through the function `npm run extract` runs (the
// content scripts' extractors), against what the page holds. A new page without a row fails.

const REAL = fileURLToPath(new URL('../fixtures/real/', import.meta.url));

interface Listed {
  platform: string;
  itemId: string;
  titleStart: string;
  shop: { name: string; id: string; sellerId: string };
  lowest: string;
}
interface Searched {
  count: number;
  /** a few results: [platform, itemId, price, shop name] */
  some: [string, string, string, string][];
}
interface Row {
  url: string;
  state: ExtractOutput['state'];
  listing?: Listed;
  search?: Searched;
  /** why the state is what it is, when it is not `ready` */
  why?: string;
}

const jd = (sku: string) => `https://item.jd.com/${sku}.html`;
const taobao = (id: string) => `https://item.taobao.com/item.htm?id=${id}`;
const tmall = (id: string) => `https://detail.tmall.com/item.htm?id=${id}`;
const lppz = { name: '良品铺子官方旗舰店', id: '25789', sellerId: '26426' };
const suning = { name: '苏宁易购官方旗舰店', id: '128573071', sellerId: '2616970884' };

const GOLDEN: Record<string, Row> = {
  // JD fills the price from its price API after load: the saved server HTML has none
  'jd/item/jd-item-2018-1020565583-a.html': {
    url: jd('1020565583'),
    state: 'ready',
    listing: { platform: 'jd', itemId: '1020565583', titleStart: '良品铺子 手剥东北红松', shop: lppz, lowest: '' },
  },
  'jd/item/jd-item-2018-1020565583-b.html': {
    url: jd('1020565583'),
    state: 'ready',
    listing: { platform: 'jd', itemId: '1020565583', titleStart: '良品铺子 手剥东北红松', shop: lppz, lowest: '' },
  },
  // 京东自营: shop id and vender id, no shop name anywhere; 政府补贴价 beside the struck list price 7057.00
  'jd/item/jd-item-2026-100313528034.html': {
    url: jd('100313528034'),
    state: 'ready',
    listing: {
      platform: 'jd',
      itemId: '100313528034',
      titleStart: '追觅X60Pro',
      shop: { name: '', id: '1000222127', sellerId: '1000222127' },
      lowest: '5998.45',
    },
  },
  // shop names are filled in later by the page's scripts
  'jd/search/jd-search-2016-sony-earphone.html': {
    url: 'https://search.jd.com/Search?keyword=%E7%B4%A2%E5%B0%BC%E8%80%B3%E6%9C%BA',
    state: 'ready',
    search: {
      count: 29,
      some: [
        ['jd', '940275', '55.00', ''],
        ['jd', '10413248111', '69.00', ''],
      ],
    },
  },
  // 百亿补贴 channel: 10 goods in rawData tabList, no shop names; 补贴价 (activityPrice, fen) is the lowest
  'pdd/channel/pdd-brand-amazing-price-group-2024.html': {
    url: 'https://mobile.yangkeduo.com/pincard_ask.html?__rp_name=brand_amazing_price_group',
    state: 'ready',
    search: {
      count: 10,
      some: [
        ['pdd', '636577576357', '78.40', ''],
        ['pdd', '411666891664', '1.99', ''],
        ['pdd', '639984528094', '38.70', ''],
      ],
    },
  },
  // rawData minGroupPrice "6.8" (yuan) is the 拼单价 6.80 the page renders
  'pdd/item/pdd-goods-2024-662284821710-reindented.html': {
    url: 'https://mobile.yangkeduo.com/goods2.html?goods_id=662284821710',
    state: 'ready',
    listing: {
      platform: 'pdd',
      itemId: '662284821710',
      titleStart: '高山大香蕉',
      shop: { name: '鲜风达官方旗舰店', id: '860577608', sellerId: '' },
      lowest: '6.80',
    },
  },
  // __NEXT_DATA__ ssrListData: prices as yuan strings, mall names on some goods only
  'pdd/search/pdd-search-2019-nextjs-reindented.html': {
    url: 'https://mobile.yangkeduo.com/search_result.html?search_key=%E6%9C%88%E9%A5%BC',
    state: 'ready',
    search: {
      count: 20,
      some: [
        ['pdd', '23044146880', '7.90', ''],
        ['pdd', '2469903314', '16.80', '金尊旗舰店'],
        ['pdd', '13989277508', '10.80', ''],
      ],
    },
  },
  'taobao/blocked/taobao-h5-detail-punish-overlay-2026.html': {
    url: 'http://h5.m.taobao.com/awp/core/detail.htm?id=1021732889355',
    state: 'captcha',
    why: 'baxia punish overlay (iframe …/punish…action=deny)',
  },
  'taobao/item/taobao-pc-item-ICE-2026-601465987171.html': {
    url: taobao('601465987171'),
    state: 'ready',
    listing: {
      platform: 'taobao',
      itemId: '601465987171',
      titleStart: '火锅蘸料粒粒香',
      shop: { name: '宏发美食调味商城', id: '103890057', sellerId: '1667589734' },
      lowest: '26.93',
    },
  },
  'taobao/item/taobao-pc-item-rendered-DOM-2019-579326877967.html': {
    url: taobao('579326877967'),
    state: 'ready',
    listing: {
      platform: 'taobao',
      itemId: '579326877967',
      titleStart: '实木全身镜子',
      shop: { name: '新博帅生活家居', id: '211437632', sellerId: '558919413' },
      lowest: '28.90',
    },
  },
  'taobao/item/taobao-pc-item-rendered-DOM-2020-562283240178.html': {
    url: taobao('562283240178'),
    state: 'ready',
    listing: {
      platform: 'taobao',
      itemId: '562283240178',
      titleStart: '乳白亚克力外壳',
      shop: { name: '怡科外设KBDfans', id: '64592671', sellerId: '134583372' },
      lowest: '149.00',
    },
  },
  'taobao/search/taobao-search-2016-g_page_config-raw.htm': {
    url: 'https://s.taobao.com/search?q=%E5%9B%9E%E5%8A%9B%E7%94%B7%E9%9E%8B',
    state: 'ready',
    search: {
      count: 36,
      some: [
        ['taobao', '528991075854', '115.00', '回力老字号'],
        ['tmall', '40010488486', '65.00', '柏风服饰专营店'],
      ],
    },
  },
  'taobao/search/taobao-search-2018-listsrp-raw.html': {
    url: 'https://s.taobao.com/list?q=%E5%A4%8F%E4%B8%8A%E6%96%B0',
    state: 'ready',
    search: {
      count: 60,
      some: [
        ['taobao', '571575866125', '99.00', 'machael_go'],
        ['taobao', '571272658213', '98.00', 'helixhouse'],
      ],
    },
  },
  'taobao/search/taobao-search-2018-rendered-DOM.html': {
    url: 'https://s.taobao.com/search?q=iPad',
    state: 'ready',
    search: {
      count: 48,
      some: [
        ['tmall', '566741234264', '2288.00', '苏宁易购官方旗舰店'],
        ['taobao', '564996303586', '1180.00', '葛给力服饰'],
      ],
    },
  },
  // the repository owner trimmed this copy to item and prices: no seller, no shop id, so no listing
  'tmall/item/tmall-ICE_APP_CONTEXT-minimal-2025-617129397971.html': {
    url: tmall('617129397971'),
    state: 'error',
    why: 'trimmed copy without seller or shop (missing required: shopName)',
  },
  // re-saved by its author with its Chinese text lost (U+FFFD); ids, shop and prices intact
  'tmall/item/tmall-pc-detail-2018-538218798736-gbk.html': {
    url: tmall('538218798736'),
    state: 'ready',
    listing: { platform: 'tmall', itemId: '538218798736', titleStart: '', shop: suning, lowest: '5588.00' },
  },
  'tmall/item/tmall-pc-detail-2020-609353516840-gbk.html': {
    url: tmall('609353516840'),
    state: 'ready',
    listing: {
      platform: 'tmall',
      itemId: '609353516840',
      titleStart: '【6期免息/春节正常发货】Apple/苹果',
      shop: { name: '能良数码官方旗舰店', id: '58499649', sellerId: '263726286' },
      lowest: '8699.00',
    },
  },
  'tmall/item/tmall-pc-detail-rendered-DOM-2020-605258110430-gbk.html': {
    url: tmall('605258110430'),
    state: 'ready',
    listing: { platform: 'tmall', itemId: '605258110430', titleStart: '【官网价直降】Apple/苹果', shop: suning, lowest: '5499.00' },
  },
  'tmall/search/tmall-list-search_product-2020.html': {
    url: 'https://list.tmall.com/search_product.htm?q=%E7%95%85%E9%94%80%E7%AB%A5%E4%B9%A6',
    state: 'ready',
    search: {
      count: 60,
      some: [
        ['tmall', '587748654533', '168.00', '东润图书专营店'],
        ['tmall', '573581029517', '114.00', '乐乐趣图书音像专营店'],
      ],
    },
  },
};

// Not pages: fragments cut from pages or API answers. Where a reader reads them, its tests do.
const NOT_PAGES: Record<string, string> = {
  'pdd/api/pdd-apiv2-goods-detail-2017-JavaBean-comments.java': 'utils/marketplaces/pdd/adapter.test.ts (app API fields as rawData)',
  'pdd/search/pdd-apiv-search-goods-2017-JavaBean-comments.java': 'utils/marketplaces/pdd/adapter.test.ts (search list as page state)',
  'taobao/item/taobao-g_config-2022-637145790668.js': 'utils/marketplaces/taobao/adapter.test.ts (g_config in a page)',
  'taobao/search/taobao-search-g_page_config-2018-pretty.js': 'this file (wrapped in a page below)',
  'tmall/api/tmall-TShop.Setup-arg-json-2019.json': 'utils/marketplaces/tmall/adapter.test.ts (TShop.Setup argument)',
  'tmall/item/tmall-mobile-DATA_Detail-2019-567898584368.js': 'utils/marketplaces/tmall/adapter.test.ts',
  'tmall/item/tmall-mobile-DATA_Detail-2019-581871359784.js': 'utils/marketplaces/tmall/adapter.test.ts',
  'tmall/item/tmall-mobile-DATA_Detail-Mdskip-2019-kabeilin-583789686010.js': 'utils/marketplaces/tmall/adapter.test.ts',
  'tmall/item/tmall-mobile-DATA_Detail-Mdskip-2019-suning-577342018417.js': 'utils/marketplaces/tmall/adapter.test.ts',
  'pdd/chat/pdd-mms-merchant-ws-push-message-2025.py': 'none: seller-side (merchant) chat push, reference for the chat model only',
  'tmall/chat/taobao-amp2-im-paas-message-list-jsonp-2025.py': 'none: seller-side chat API answer, reference for the chat model only',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(REAL, path)];
  });
}

const run = (file: string, url: string) => extractSavedPage(readFileSync(join(REAL, file)), url);

describe('real saved pages (npm run extract)', () => {
  it('every file in tests/fixtures/real/ has a golden row or is a listed fragment', () => {
    const files = filesUnder(REAL)
      .filter((f) => f !== 'SOURCES.tsv')
      .sort();
    expect(files).toEqual([...Object.keys(GOLDEN), ...Object.keys(NOT_PAGES)].sort());
  });

  for (const [file, row] of Object.entries(GOLDEN)) {
    it(`${file} → ${row.state}`, () => {
      const out = run(file, row.url);
      expect(out.state, out.warnings.join('; ')).toBe(row.state);
      if (row.listing) {
        const { titleStart, lowest, ...ids } = row.listing;
        expect(out.listing).toMatchObject({ ...ids, price: { lowest, currency: 'CNY' } });
        expect(out.listing!.title.startsWith(titleStart)).toBe(true);
      } else {
        expect(out.listing).toBeUndefined();
      }
      if (row.search) {
        expect(out.results).toHaveLength(row.search.count);
        for (const [platform, itemId, price, shopName] of row.search.some) {
          expect(out.results!.find((r) => r.itemId === itemId)).toMatchObject({ platform, price, shopName });
        }
        // every result has what a badge needs: an id and a title
        expect(out.results!.every((r) => /^\d+$/.test(r.itemId) && r.title !== '')).toBe(true);
      }
    });
  }

  it('taobao-search-g_page_config-2018-pretty.js, put in a search page, gives its auctions', () => {
    const js = readFileSync(join(REAL, 'taobao/search/taobao-search-g_page_config-2018-pretty.js'), 'utf8');
    const page = new TextEncoder().encode(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script>${js}</script></body></html>`);
    const out = extractSavedPage(page, 'https://s.taobao.com/search?q=x');
    expect(out.state).toBe('ready');
    expect(out.results!.length).toBeGreaterThan(10);
    expect(out.results!.every((r) => /^\d+$/.test(r.itemId) && r.title !== '' && /^\d+\.\d\d$/.test(r.price))).toBe(true);
  });
});
