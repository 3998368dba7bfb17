import { createSelectorReader } from '@/utils/chat/readers/selector-reader';

// JD 咚咚 web chat (chat.jd.com, jdcs.jd.com). No buyer-side page was available to save; the
// selectors follow the layout the platform shows and tests/fixtures/chat/jd-dongdong.html.
// The URL's venderId is the seller id, not the shop id; the shop id comes from the mall link.

const SELECTORS = {
  containers: ['#chatList', '.im-chat-list', '.chat-list', '.msg-list'],
  row: ':scope > *',
  message: {
    divider: '.time-line, .msg-time-line',
    system: '.msg-sys, .msg-system, .sys-msg',
    recalled: '.msg-recall',
    buyer: '.msg-customer, .msg-me, .msg-right',
    seller: '.msg-waiter, .msg-other, .msg-left',
    time: '.msg-time',
    name: '.msg-name',
    body: '.msg-txt, .msg-content',
    avatar: '.msg-head',
  },
  shopName: ['.im-header .im-shop-name', '.im-header .shop-name', '#shopName'],
  sellerNick: ['.im-header .im-waiter-name', '.im-header .waiter-name'],
  itemLink: ['.im-product-card a[href]', '.product-card a[href]'],
};

export const jdDongdongReader = createSelectorReader({
  id: 'jd-dongdong',
  platform: () => 'jd',
  host: /(^|\.)(chat\.jd\.com|jdcs\.jd\.com|chat\.m\.jd\.com|dd\.jd\.com)$/,
  path: /(index\.action|chat|\/pc\/|\/h5\/|\/$)/i,
  containers: SELECTORS.containers,
  row: SELECTORS.row,
  selectors: SELECTORS.message,
  header: {
    shopName: SELECTORS.shopName,
    sellerNick: SELECTORS.sellerNick,
    shopId: [
      { selector: '.im-header [data-shop-id]', attr: 'data-shop-id' },
      { selector: '.im-header a[href*="mall.jd.com"]', attr: 'href', pattern: /index-(\d+)\.html/ },
    ],
    shopIdParams: ['shopId'],
    sellerIdParams: ['venderId', 'venderid'],
    itemLink: SELECTORS.itemLink,
  },
});
