import type { PlatformFacts } from '@/utils/marketplaces/platform-facts';

const HOST = /(^|\.)jd\.(com|hk)$/;

export const jdPlatform: PlatformFacts = {
  id: 'jd',
  aliases: ['京东', '京东商城'],
  isHost: (host) => HOST.test(host),
  // item.jd.com/<sku>.html, item.m.jd.com/product/<sku>.html
  itemIdFromLink: (url) => (HOST.test(url.hostname) ? /^\/(?:product\/)?(\d{1,20})\.html$/.exec(url.pathname)?.[1] : undefined),
  hasSellerId: true,
};
