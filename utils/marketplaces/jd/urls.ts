// JD URL shapes: item.jd.com/SKU.html (PC), item.m.jd.com/product/SKU.html (mobile: recognised by
// its URL, but its state is not pageConfig and is not modelled, so it reads as layout-changed),
// search.jd.com/Search?keyword=... . The sku in the URL is the most stable key.

const ITEM_HOSTS = new Set(['item.jd.com', 'item.m.jd.com']);
const ITEM_PATH = /^\/(?:product\/)?(\d{3,20})\.html$/;

export function jdItemIdFromUrl(url: URL): string | undefined {
  if (!ITEM_HOSTS.has(url.hostname)) return undefined;
  return ITEM_PATH.exec(url.pathname)?.[1];
}

export function isJdSearchUrl(url: URL): boolean {
  return url.hostname === 'search.jd.com' && /^\/search(?:\.php)?$/i.test(url.pathname);
}

/** A login page that JD redirected to from an item: the item is in its ReturnUrl. */
export function jdReturnItemId(url: URL): string | undefined {
  const ret = url.searchParams.get('ReturnUrl') ?? url.searchParams.get('returnurl') ?? url.searchParams.get('returnUrl');
  if (!ret) return undefined;
  try {
    return jdItemIdFromUrl(new URL(ret, 'https://item.jd.com/'));
  } catch {
    return undefined;
  }
}
