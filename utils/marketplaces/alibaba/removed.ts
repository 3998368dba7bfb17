import { removedNotice } from '@/utils/marketplaces/removed';

// Taobao and Tmall taken-down listings: a redirect to `/auction/noitem.htm` (Taobao
// item.taobao.com/auction/noitem.htm?itemid=…, Tmall detail.tmall.com/auction/noitem.htm?type=…),
// a notice in the page ("很抱歉，您查看的宝贝不存在，可能已下架或者被转移", "此宝贝已下架"), or an
// item state with `isDownShelf: true`.

const NO_ITEM_PATH = /^\/auction\/noitem\.htm$/i;
export const REMOVED_TEXT = ['您查看的宝贝不存在', '此宝贝已下架', '宝贝已下架', '此商品已下架', '商品已下架'] as const;
const DOWN_SHELF = /["']?isDownShelf["']?\s*:\s*(?:true|"true"|1)\b/;

export function isNoItemUrl(url: URL): boolean {
  return NO_ITEM_PATH.test(url.pathname);
}

/** The item id a noitem URL still carries (`itemid=`, `id=`), when it does. */
export function noItemId(url: URL): string | undefined {
  const id = url.searchParams.get('itemid') ?? url.searchParams.get('itemId') ?? url.searchParams.get('id');
  return id && /^\d{5,20}$/.test(id) ? id : undefined;
}

/** The page state marks the item as off the shelf. */
export function isDownShelf(scripts: string[]): boolean {
  return scripts.some((s) => s.includes('isDownShelf') && DOWN_SHELF.test(s));
}

/** Taken down by what the URL or the item state says. Callers rule out login walls and captchas. */
export function takedownReason(url: URL, scripts: string[]): string | undefined {
  if (isNoItemUrl(url)) return 'redirected to the no-such-item page (auction/noitem.htm)';
  return isDownShelf(scripts) ? 'page state: isDownShelf' : undefined;
}

/** A takedown notice in the text of a page that yielded no listing (the text scan runs only then). */
export function takedownNotice(doc: Document): string | undefined {
  const notice = removedNotice(doc, REMOVED_TEXT);
  return notice ? `page notice: ${notice}` : undefined;
}
