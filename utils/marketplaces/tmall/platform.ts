import { numericParam, type PlatformFacts } from '@/utils/marketplaces/platform-facts';

export const tmallPlatform: PlatformFacts = {
  id: 'tmall',
  aliases: ['天猫', '天猫商城'],
  isHost: (host) => /(^|\.)tmall\.(com|hk)$/.test(host),
  // detail.tmall.com/item.htm?id=…, detail.m.tmall.com, detail.tmall.hk
  itemIdFromLink: (url) => (/(^|\.)tmall\.(com|hk)$/.test(url.hostname) ? numericParam(url, 'id') : undefined),
  hasSellerId: true,
};
