import { createSelectorReader } from '@/utils/chat/readers/selector-reader';

// Pinduoduo chat (mobile.yangkeduo.com/chat_detail.html). No buyer-side page was available to
// save; the selectors follow the layout the platform shows and tests/fixtures/chat/pdd-chat.html.
// The shop id is the mall id, carried by the URL's mall_id.

const SELECTORS = {
  containers: ['#chat-list', '.chat-list', '.msg-list', '[class*="chatList"]'],
  row: ':scope > *',
  message: {
    divider: '.date-msg, .time-msg',
    system: '.sys-msg, .system-msg',
    recalled: '.recall-msg',
    buyer: '.msg-user, .msg-self',
    seller: '.msg-mall-cs, .msg-mall, .msg-other',
    time: '.msg-time',
    body: '.msg-body',
    avatar: '.avatar',
  },
  shopName: ['.chat-header .mall-name', '.mall-name'],
  sellerNick: ['.chat-header .cs-name'],
  itemLink: ['.goods-bar a[href]', '.goods-card a[href]'],
};

export const pddChatReader = createSelectorReader({
  id: 'pdd-chat',
  platform: () => 'pdd',
  host: /(^|\.)(mobile\.yangkeduo\.com|mobile\.pinduoduo\.com)$/,
  path: /chat_(detail|list)\.html|\/chat/i,
  containers: SELECTORS.containers,
  row: SELECTORS.row,
  selectors: SELECTORS.message,
  header: {
    shopName: SELECTORS.shopName,
    sellerNick: SELECTORS.sellerNick,
    shopId: [{ selector: '.chat-header [data-mall-id]', attr: 'data-mall-id' }],
    shopIdParams: ['mall_id', 'mallId', 'mall_id_str'],
    itemLink: SELECTORS.itemLink,
  },
});
