// Every JD selector and page marker in one place, so a layout change is a one-place diff.
// Item selectors cover the 2018 server HTML (checked against saved real pages) and the
// current-era layout (modelled: class names seen on 2023–2025 pages, not verified on a saved copy).

export const JD_ITEM = {
  /** inline `var pageConfig = {...}`; the includes() check runs before any regex or parse */
  stateNeedle: 'pageConfig',
  stateMarker: /\bpageConfig\s*=\s*/,
  title: ['.sku-name', '.itemInfo-wrap .sku-title', '#itemName'],
  /** the shop name exists only in the DOM; a `title` attribute wins over text (never truncated) */
  shopName: ['.J-hove-wrap .name a', '.popbox-inner .mt h3 a', '.shopName a', '.shopName .name', '#popbox .name a', '.top-pop-shop-name'],
  /** shop home links carry the shop id: mall.jd.com/index-SHOPID.html */
  shopHomeLink: 'a[href*="mall.jd.com/index-"]',
  shopHomeId: /mall\.jd\.com\/index-(\d+)\.html/,
  /** 自营 badges; their text is checked, not only their presence */
  selfOperatedBadge: ['.sku-name .u-jd', '.J-hove-wrap .u-jd', '.name-goodshop', '.shopName .self-support', '.itemInfo-wrap .u-jd'],
  /** `.price.J-p-SKU` is filled by the price API; `%s` is replaced with the sku */
  priceForSku: '.p-price .price.J-p-%s',
  price: ['.summary-price .p-price .price', '.J-summary-price .p-price .price', '.itemInfo-wrap .p-price .price'],
  /** 券后 / 到手价 (current-era pages) */
  finalPrice: ['.J-finalPrice .price', '#J_FinalPrice .price', '#J_FinalPrice'],
  thumbs: '#spec-list img, .spec-items img',
} as const;

export const JD_IMAGE_BASE = 'https://img14.360buyimg.com/n0/';

/**
 * Taken-down items: `<div class="itemover-tip">该商品已下柜…</div>` on the item page (current pages
 * also carry an empty `#itemover-new`, which is not a takedown), or the JD home page served for
 * an item URL (JD redirects a deleted sku there).
 */
export const JD_REMOVED = {
  /** a class name: looked up with getElementsByClassName, which stays cheap on a large page */
  noticeClass: 'itemover-tip',
  noticeText: ['下柜', '下架', '不存在'],
  homeTitle: '京东(JD.COM)-',
  homeCanonical: 'link[rel="canonical"][href$="//www.jd.com/"], link[rel="canonical"][href$="//www.jd.com"]',
} as const;

/** Login walls and risk checks: markers read only when the page carries no pageConfig. */
export const JD_BLOCKED = {
  loginHosts: ['passport.jd.com', 'plogin.m.jd.com'],
  loginForm: '#formlogin, #loginname, .login-form #nloginpwd, form[action*="passport.jd.com"]',
  loginScriptNeedle: 'passport.jd.com/new/login',
  captchaHosts: ['cfe.m.jd.com', 'safe.jd.com'],
  captchaDom: '[class*="JDJRV"], [id*="JDJRV"], .verifyBtn, #slideVerify, .risk-verify',
  captchaText: ['验证一下，购物无忧', '验证一下,购物无忧', '安全验证', '请完成验证'],
} as const;

export const JD_SEARCH = {
  card: '#J_goodsList li[data-sku], .gl-warp li[data-sku]',
  titleAttr: '.p-name a[title]',
  titleText: ['.p-name em', '.p-name a'],
  /** visible price first: on current pages `i[data-price]` holds the sku, not a price */
  priceText: ['.p-price strong i', '.p-price i'],
  priceAttr: '.p-price strong[data-price]',
  shop: '.p-shop',
  shopNameAttr: ['.p-shop a[title]', '.p-shopnum a[title]'],
  shopNameText: ['.p-shop a', '.p-shop .curr-shop', '.p-shopnum a'],
  venderId: '.p-img [data-venid]',
} as const;
