import type { PanelState, PanelView } from '@/utils/content/panel-view';
import type { Verdict } from '@/utils/model/capture';
import type { Platform } from '@/utils/model/listing';

// What the popup shows of the current tab: the panel's state, the listing and its verdict (with
// the shop's case status), or the search page's counts. Plain data, copied out of the view.

export interface PageSummary {
  state: PanelState;
  kind: PanelView['kind'];
  platform?: Platform;
  itemId?: string;
  title?: string;
  shopName?: string;
  shopId?: string;
  /** yuan with two decimals, '' when unknown */
  price?: string;
  verdict?: Verdict;
  search?: { total: number; unauthorized: number; belowMin: number };
}

export function pageSummary(view: PanelView): PageSummary {
  const l = view.listing;
  return {
    state: view.state,
    kind: view.kind,
    ...(view.platform ? { platform: view.platform } : {}),
    ...(l ? { itemId: l.itemId, title: l.title, shopName: l.shopName, shopId: l.shopId, price: l.lowestPrice } : {}),
    ...(view.verdict ? { verdict: { ...view.verdict } } : {}),
    ...(view.search ? { search: { total: view.search.total, unauthorized: view.search.unauthorized, belowMin: view.search.belowMin } } : {}),
  };
}
