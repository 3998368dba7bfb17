import { numericParam, type PlatformFacts } from '@/utils/marketplaces/platform-facts';

const HOST = /(^|\.)(yangkeduo|pinduoduo)\.com$/;

export const pddPlatform: PlatformFacts = {
  id: 'pdd',
  aliases: ['拼多多'],
  isHost: (host) => HOST.test(host),
  // mobile.yangkeduo.com/goods.html?goods_id=… (goods1/goods2 too)
  itemIdFromLink: (url) => (HOST.test(url.hostname) ? numericParam(url, 'goods_id') : undefined),
  hasSellerId: false,
};
