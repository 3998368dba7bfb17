// Pinduoduo H5 URLs: goods.html / goods1.html / goods2.html?goods_id=ID on mobile.yangkeduo.com
// or mobile.pinduoduo.com; search_result.html?search_key=... .

const HOSTS = new Set(['mobile.yangkeduo.com', 'mobile.pinduoduo.com', 'yangkeduo.com', 'm.pinduoduo.com']);
const GOODS_PATH = /^\/goods\d?\.html$/;

export function isPddHost(url: URL): boolean {
  return HOSTS.has(url.hostname);
}

export function pddGoodsIdFromUrl(url: URL): string | undefined {
  if (!isPddHost(url) || !GOODS_PATH.test(url.pathname)) return undefined;
  const id = url.searchParams.get('goods_id')?.trim();
  return id && /^\d{1,20}$/.test(id) ? id : undefined;
}

export function isPddSearchUrl(url: URL): boolean {
  return isPddHost(url) && /^\/search_result\.html$/.test(url.pathname);
}

// Channel pages (百亿补贴, brand sales, …) are rendered pages named by `__rp_name`
// (pincard_ask.html?__rp_name=brand_amazing_price_group); their goods grid sits in rawData.
const CHANNEL_PATH = /^\/(?:pincard_ask|pincard_[a-z_]+|[a-z_]+_channel)\.html$/;

export function isPddChannelUrl(url: URL): boolean {
  if (!isPddHost(url) || GOODS_PATH.test(url.pathname) || /chat/.test(url.pathname)) return false;
  return CHANNEL_PATH.test(url.pathname) || /^[a-z][a-z0-9_]{2,80}$/.test(url.searchParams.get('__rp_name') ?? '');
}

/** A page whose body is a grid of goods: search results or a channel listing. */
export function isPddGridUrl(url: URL): boolean {
  return isPddSearchUrl(url) || isPddChannelUrl(url);
}

/** goods_id from a card link on a search page (relative or absolute). */
export function pddGoodsIdFromHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const id = new URL(href, 'https://mobile.yangkeduo.com/').searchParams.get('goods_id')?.trim();
    return id && /^\d{1,20}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
