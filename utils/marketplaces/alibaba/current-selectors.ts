// The 2023–2025 item page is one front end for Taobao and Tmall: the same CSS-module class names,
// hashed per release (`mainTitle--xxxx`), so they are matched by prefix. One block for both.

const hashed = (name: string) => `[class^="${name}--"], [class*=" ${name}--"]`;

export const CURRENT_ITEM_SELECTORS = {
  title: [hashed('mainTitle'), hashed('ItemTitle')],
  shopName: [hashed('shopName')],
  shopLink: [`${hashed('shopName')} a[href]`, 'a[class*="shopName--"][href]'],
  priceScope: `${hashed('BasicContent')}, ${hashed('priceWrap')}, ${hashed('normalPrice')}`,
  price: '[class*="priceText--"]',
  coupon: '[class*="couponPrice"]',
  thumbs: ['img[class*="thumbnailPic--"]', '[class*="thumbnail--"] img'],
  sales: [hashed('salesDesc')],
} as const;
