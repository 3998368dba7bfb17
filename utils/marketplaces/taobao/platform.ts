import { numericParam, type PlatformFacts } from '@/utils/marketplaces/platform-facts';

export const taobaoPlatform: PlatformFacts = {
  id: 'taobao',
  aliases: ['淘宝', '淘宝网'],
  isHost: (host) => /(^|\.)taobao\.com$/.test(host),
  // item.taobao.com/item.htm?id=…, h5.m.taobao.com/awp/core/detail.htm?id=…
  itemIdFromLink: (url) => (/(^|\.)taobao\.com$/.test(url.hostname) ? numericParam(url, 'id') : undefined),
  hasSellerId: true,
};
