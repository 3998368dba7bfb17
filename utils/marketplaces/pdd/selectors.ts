// Every Pinduoduo selector and page marker in one place.
// No real goods page could be saved: the state paths follow what scrapers read
// (`window.rawData.store.initDataObj`), and the DOM selectors are MODELLED on the current mobile
// layout (class-name fragments, since PDD ships hashed CSS-module names). Treat them as unverified.

export const PDD_STATE = {
  needle: 'rawData',
  marker: /\bwindow\.rawData\s*=\s*|\bvar\s+rawData\s*=\s*/,
  /** some builds ship a Next.js-style blob instead */
  nextNeedle: '__NEXT_DATA__',
  nextMarker: /\bwindow\.__NEXT_DATA__\s*=\s*/,
  nextScript: 'script#__NEXT_DATA__[type="application/json"]',
} as const;

/** Class-name fragments per field, most preferred first (matched with `includes`). */
export const PDD_ITEM = {
  title: ['enable-select', 'goods-name', 'goodsName', 'goods-title'],
  price: ['group-price', 'goods-price', 'price'],
  mallName: ['mall-name', 'mallName', 'store-name'],
  gallery: ['banner', 'gallery', 'swiper-slide'],
  sales: ['sales-tip', 'side-sales'],
  mallLink: 'a[href*="mall_page.html"]',
} as const;

export const PDD_BLOCKED = {
  loginPaths: /^\/(?:login|login_page)\.html$/,
  captchaPaths: /verification|verify|captcha/i,
  loginDom: '[class*="login-btn"], [class*="phone-login"], #login-form',
  captchaDom: '[class*="captcha"], [class*="slider-verify"], [class*="verify-slider"], #captcha',
  captchaText: ['安全验证', '请完成验证', '拖动滑块', '请按住滑块'],
} as const;

/**
 * Offline (下架) goods. MODELLED: no real offline goods page has been saved. The H5 page is
 * expected to keep `rawData` without a goods object and show a notice such as 商品已下架.
 */
export const PDD_REMOVED = {
  text: ['商品已下架', '该商品已下架', '商品已失效', '商品不存在'],
} as const;

export const PDD_SEARCH = {
  /** result links: goods.html / goods1.html / goods2.html?goods_id=… */
  cardHref: /goods\d?\.html\?(?:[^#]*&)?goods_id=\d/,
  card: ['goods-item', 'card'],
  title: ['goods-name', 'goodsName', 'goods-title'],
  price: ['goods-price', 'group-price', 'price'],
  mallName: ['mall-name', 'mallName'],
} as const;
