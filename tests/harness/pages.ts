import type { FixtureRoute } from '@/tests/harness/fixture-server';

// Fixture pages, the real URLs they are served at, and what the panel must show there (with the
// demo authorized list in tests/fixtures/demo/ imported). Own fixtures are committed under
// tests/fixtures/; real saved pages are copied into tests/fixtures/real/ (SOURCES.tsv; `npm run fixtures:import`).

const own = (rel: string) => new URL(`../fixtures/${rel}`, import.meta.url);
export const real = (rel: string) => own(`real/${rel}`);

export const DEMO_AUTHORIZED_LIST = own('demo/authorized-list.json');

export interface ExpectedListing {
  state: 'ready' | 'login-required' | 'captcha' | 'not-a-listing' | 'removed';
  platform?: string;
  itemId?: string;
  /** '' where the page names no shop (JD 京东自营: the shop id identifies it) */
  shopName?: string;
  shopId?: string;
  /** the final lowest price (late prices included) */
  price?: string;
  seller?: string;
  priceVerdict?: string;
}

export interface ExpectedSearch {
  total: number;
  unauthorized: number;
  belowMin: number;
}

export interface DemoPage extends FixtureRoute {
  name: string;
  file: URL;
  listing?: ExpectedListing;
  search?: ExpectedSearch;
}

export const PAGES = {
  taobaoItem: {
    name: 'Taobao item (2025 page state, coupon price)',
    url: 'https://item.taobao.com/item.htm?id=781234567890',
    file: own('taobao/item-2025-ice.html'),
    listing: {
      state: 'ready',
      platform: 'taobao',
      itemId: '781234567890',
      shopName: '极光数码专营店',
      shopId: '310987654',
      price: '269.00',
      seller: 'unauthorized',
      priceVerdict: 'ok',
    },
  },
  taobaoLatePrice: {
    name: 'Taobao item, price rendered late',
    url: 'https://item.taobao.com/item.htm?id=790000000111',
    file: own('taobao/item-2025-late-price.html'),
    listing: {
      state: 'ready',
      platform: 'taobao',
      itemId: '790000000111',
      shopId: '320000111',
      price: '199.00',
      seller: 'unauthorized',
      priceVerdict: 'below-min',
    },
  },
  taobaoHostile: {
    name: 'Taobao item with hostile strings',
    url: 'https://item.taobao.com/item.htm?id=790000000222',
    file: own('taobao/item-2025-hostile.html'),
    listing: { state: 'ready', platform: 'taobao', itemId: '790000000222', shopName: '"><svg onload=alert(2)>极光专营店', shopId: '330000222', price: '99.00' },
  },
  taobaoLogin: {
    name: 'Taobao login wall',
    url: 'https://item.taobao.com/item.htm?id=781234567891',
    file: own('taobao/login-wall.html'),
    listing: { state: 'login-required' },
  },
  taobaoCaptcha: {
    name: 'Taobao captcha',
    url: 'https://item.taobao.com/item.htm?id=781234567892',
    file: own('taobao/captcha.html'),
    listing: { state: 'captcha' },
  },
  taobaoSearch: {
    name: 'Taobao search (2025 cards, Tmall results among them)',
    url: 'https://s.taobao.com/search?q=XR-200',
    file: own('taobao/search-2025.html'),
    // 11 with the sponsored card: not on the list and 99.00 < 269.00
    search: { total: 11, unauthorized: 9, belowMin: 5 },
  },
  tmallItem: {
    name: 'Tmall item (2025 page state, URL-encoded shop name)',
    url: 'https://detail.tmall.com/item.htm?id=750123456781',
    file: own('tmall/item-2025-ice.html'),
    listing: {
      state: 'ready',
      platform: 'tmall',
      itemId: '750123456781',
      shopName: 'Acme官方旗舰店',
      shopId: '100200300',
      price: '549.00',
      seller: 'authorized',
      priceVerdict: 'ok',
    },
  },
  tmallSearch: {
    name: 'Tmall search (list.tmall.com)',
    url: 'https://list.tmall.com/search_product.htm?q=xr-200',
    file: own('tmall/search-2024-list.html'),
    search: { total: 4, unauthorized: 2, belowMin: 1 },
  },
  tmallLogin: {
    name: 'Tmall login wall',
    url: 'https://detail.tmall.com/item.htm?id=750123456782',
    file: own('tmall/login-wall-ice.html'),
    listing: { state: 'login-required' },
  },
  tmallReal2020: {
    name: 'Tmall item, real 2020 page (GBK)',
    url: 'https://detail.tmall.com/item.htm?id=609353516840',
    file: real('tmall/item/tmall-pc-detail-2020-609353516840-gbk.html'),
    listing: { state: 'ready', platform: 'tmall', itemId: '609353516840' },
  },
  jdLatePrice: {
    name: 'JD item, price filled in late by the price API',
    url: 'https://item.jd.com/100012043978.html',
    file: own('jd/item-2024-late-price.html'),
    listing: {
      state: 'ready',
      platform: 'jd',
      itemId: '100012043978',
      shopName: '索尼京东自营官方旗舰店',
      shopId: '1000000127',
      price: '2199.00',
      seller: 'unauthorized',
      priceVerdict: 'no-rule',
    },
  },
  jdCoupon: {
    name: 'JD item with a coupon price, shop authorization expired',
    url: 'https://item.jd.com/10086123456789.html',
    file: own('jd/item-2024-rendered-coupon.html'),
    listing: { state: 'ready', platform: 'jd', itemId: '10086123456789', shopId: '10076543', price: '1199.00', seller: 'expired', priceVerdict: 'ok' },
  },
  jdLogin: {
    name: 'JD login wall',
    url: 'https://item.jd.com/10086123456790.html',
    file: own('jd/login-2024-passport.html'),
    listing: { state: 'login-required' },
  },
  jdSearch: {
    name: 'JD search',
    url: 'https://search.jd.com/Search?keyword=XR-200',
    file: own('jd/search-2024-current.html'),
    search: { total: 4, unauthorized: 3, belowMin: 1 },
  },
  jdReal2018: {
    name: 'JD item, real 2018 page',
    url: 'https://item.jd.com/1020565583.html',
    file: real('jd/item/jd-item-2018-1020565583-a.html'),
    listing: { state: 'ready', platform: 'jd', itemId: '1020565583', shopName: '良品铺子官方旗舰店', shopId: '25789' },
  },
  jdReal2026: {
    name: 'JD item, real 2026 page (京东自营: shop id, no shop name; 政府补贴价)',
    url: 'https://item.jd.com/100313528034.html',
    file: real('jd/item/jd-item-2026-100313528034.html'),
    listing: {
      state: 'ready',
      platform: 'jd',
      itemId: '100313528034',
      shopName: '',
      shopId: '1000222127',
      price: '5998.45',
      seller: 'unauthorized',
      priceVerdict: 'no-rule',
    },
  },
  jdRemoved: {
    name: 'JD item taken down (该商品已下柜)',
    url: 'https://item.jd.com/100099887766.html',
    file: own('jd/removed-2026-itemover.html'),
    listing: { state: 'removed', platform: 'jd', itemId: '100099887766' },
  },
  jdHomeRedirect: {
    name: 'JD item URL that ended on the JD home page (deleted sku)',
    url: 'https://item.jd.com/100099887767.html',
    file: own('jd/home-2026-redirect.html'),
    listing: { state: 'removed', platform: 'jd', itemId: '100099887767' },
  },
  jdRateLimited: {
    name: 'JD search rate-limited (访问频繁)',
    url: 'https://search.jd.com/Search?keyword=XR-200&page=2',
    file: own('jd/search-2026-rate-limited.html'),
    listing: { state: 'captcha' },
  },
  taobaoReal2026: {
    name: 'Taobao item, real 2026 page (ICE state, 平台加补后 price)',
    url: 'https://item.taobao.com/item.htm?id=601465987171',
    file: real('taobao/item/taobao-pc-item-ICE-2026-601465987171.html'),
    listing: {
      state: 'ready',
      platform: 'taobao',
      itemId: '601465987171',
      shopName: '宏发美食调味商城',
      shopId: '103890057',
      price: '26.93',
      seller: 'unauthorized',
      priceVerdict: 'no-rule',
    },
  },
  taobaoH5Punish: {
    name: 'Taobao H5 detail, real 2026 page behind the punish overlay',
    url: 'https://h5.m.taobao.com/awp/core/detail.htm?id=1021732889355',
    file: real('taobao/blocked/taobao-h5-detail-punish-overlay-2026.html'),
    listing: { state: 'captcha' },
  },
  taobaoRemoved: {
    name: 'Taobao item taken down (宝贝不存在)',
    url: 'https://item.taobao.com/item.htm?id=790000009999',
    file: own('taobao/removed-noitem.html'),
    listing: { state: 'removed', platform: 'taobao', itemId: '790000009999' },
  },
  tmallRemoved: {
    name: 'Tmall item taken down (isDownShelf)',
    url: 'https://detail.tmall.com/item.htm?id=750123456790',
    file: own('tmall/removed-downshelf-ice.html'),
    listing: { state: 'removed', platform: 'tmall', itemId: '750123456790' },
  },
  pddReal2024: {
    name: 'Pinduoduo goods, real 2024 page (rawData, 拼单价 in yuan)',
    url: 'https://mobile.yangkeduo.com/goods2.html?goods_id=662284821710',
    file: real('pdd/item/pdd-goods-2024-662284821710-reindented.html'),
    listing: {
      state: 'ready',
      platform: 'pdd',
      itemId: '662284821710',
      shopName: '鲜风达官方旗舰店',
      shopId: '860577608',
      price: '6.80',
      seller: 'unauthorized',
      priceVerdict: 'no-rule',
    },
  },
  pddRemoved: {
    name: 'Pinduoduo goods offline (modelled: 商品已下架)',
    url: 'https://mobile.yangkeduo.com/goods.html?goods_id=432109876599',
    file: own('pdd/goods-2024-offline.html'),
    listing: { state: 'removed', platform: 'pdd', itemId: '432109876599' },
  },
  pddItem: {
    name: 'Pinduoduo goods page (group price)',
    url: 'https://mobile.yangkeduo.com/goods.html?goods_id=432109876543',
    file: own('pdd/goods-2024-rawdata.html'),
    listing: {
      state: 'ready',
      platform: 'pdd',
      itemId: '432109876543',
      shopName: '良品耳机专营店',
      shopId: '987654321',
      price: '12.90',
      seller: 'unauthorized',
      priceVerdict: 'below-min',
    },
  },
  pddLogin: {
    name: 'Pinduoduo login wall',
    url: 'https://mobile.yangkeduo.com/goods.html?goods_id=432109876544',
    file: own('pdd/goods-2024-need-login.html'),
    listing: { state: 'login-required' },
  },
  pddSearch: {
    name: 'Pinduoduo search',
    url: 'https://mobile.yangkeduo.com/search_result.html?search_key=%E9%9D%A2%E5%8C%85%E5%B9%B2',
    file: own('pdd/search-2024-rawdata.html'),
    search: { total: 4, unauthorized: 3, belowMin: 3 },
  },
} satisfies Record<string, DemoPage>;

export const ALL_ROUTES: FixtureRoute[] = Object.values(PAGES);

export interface ChatPage extends FixtureRoute {
  name: string;
  file: URL;
  /** messages chat.json must hold (the count the panel reaches) */
  messages: number;
  /** numbered messages (`消息 NNN`) that must all be there, in order */
  numbered?: number;
  /** the selector of a message inside the list, for the element picker */
  pickInside?: string;
}

// Chat pages: a platform chat at a 旺旺 URL (the chat content script reads it), and a layout no
// reader knows on another page of a marketplace host (the listing panel's picker reads it).
export const CHAT_PAGES = {
  lazy300: {
    name: '旺旺 chat whose 300 messages load lazily',
    url: 'https://market.m.taobao.com/app/im/chat/index.html?toId=2219315280500',
    file: own('chat/lazy-300.html'),
    messages: 309,
    numbered: 300,
  },
  genericPicked: {
    name: 'a shop service page with an unknown chat layout (picked)',
    url: 'https://market.m.taobao.com/app/shop-service/index.html?shopId=106453811',
    file: own('chat/generic-a.html'),
    messages: 7,
    pickInside: '#conv .row--self .bubble',
  },
} satisfies Record<string, ChatPage>;
