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
