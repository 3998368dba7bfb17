import { createSelectorReader } from '@/utils/chat/readers/selector-reader';
import { platformOfHost } from '@/utils/chat/readers/reader';

// Taobao/Tmall web 旺旺 (im.taobao.com, market.m.taobao.com/app/im/...). No buyer-side page was
// available to save; these selectors follow the layout the platform shows and the committed
// fixture tests/fixtures/chat/taobao-wangwang.html. Left = the shop, right = the buyer.

const SELECTORS = {
  containers: ['#J_MessageList', '.message-list', '.msg-list', '[class*="messageList"]'],
  row: ':scope > *',
  message: {
    divider: '.message-time-line, .msg-time-line, .time-divider',
    system: '.message-system, .msg-system, .system-msg',
    recalled: '.message-recall, .msg-recall',
    buyer: '.message-item-right, .msg-right, .item-me',
    seller: '.message-item-left, .msg-left, .item-other',
    time: '.message-time, .msg-time',
    name: '.message-nick, .msg-nick',
    body: '.message-bubble, .msg-bubble',
    avatar: '.message-avatar, .msg-avatar',
  },
  shopName: ['.chat-header .shop-name', '.chat-title .shop-name', '[class*="shopName"]'],
  sellerNick: ['.chat-header .seller-nick', '.chat-title .nick'],
  itemLink: ['.chat-goods a[href]', '.goods-link', '.item-card a[href]'],
};

export const taobaoWangwangReader = createSelectorReader({
  id: 'taobao-wangwang',
  platform: (url, doc) => (platformOfHost(url.hostname) === 'tmall' || doc.querySelector('.chat-header .tmall-badge, .shop-type-tmall') ? 'tmall' : 'taobao'),
  host: /(^|\.)(im\.taobao\.com|market\.m\.taobao\.com|h5\.m\.taobao\.com|amos\.im\.alisoft\.com|im\.tmall\.com)$/,
  path: /(\/app\/im\/|\/ww\/|\/chat|webww|\/im\/)/i,
  detect: '#J_ImChat, .im-chat .message-list',
  containers: SELECTORS.containers,
  row: SELECTORS.row,
  selectors: SELECTORS.message,
  header: {
    shopName: SELECTORS.shopName,
    sellerNick: SELECTORS.sellerNick,
    shopId: [
      { selector: '.chat-header [data-shop-id]', attr: 'data-shop-id' },
      { selector: '.chat-header a[href*="shop"]', attr: 'href', pattern: /shop(\d+)\.taobao\.com/ },
    ],
    shopIdParams: ['shopId', 'shop_id'],
    sellerIdParams: ['sellerId', 'seller_id', 'toId'],
    itemLink: SELECTORS.itemLink,
  },
});
