import { JSDOM } from 'jsdom';
import { routePage } from '@/utils/marketplaces/registry';
import { formatFen, lowestPriceFen } from '@/utils/marketplaces/price';
import { decodePageBytes } from '@/utils/cli/decode-page-bytes';
import type { PanelState } from '@/utils/content/panel-view';

// The content scripts' extractors run on a saved page (contract §5). Scripts in the page never
// run: jsdom is created without script execution.

export interface ExtractOutput {
  state: PanelState;
  listing?: {
    platform: string;
    itemId: string;
    title: string;
    shop: { name: string; id: string; sellerId: string };
    price: { lowest: string; currency: 'CNY' };
  };
  results?: { platform: string; itemId: string; title: string; shopName: string; shopId: string; sellerId: string; price: string }[];
  /** state `removed`: what the requested URL or the page still tells of the taken-down listing */
  removed?: { platform: string; itemId: string; shop: { name: string; id: string; sellerId: string } };
  sources?: Record<string, string>;
  warnings: string[];
}

export function extractSavedPage(bytes: Uint8Array, url: string): ExtractOutput {
  const doc = new JSDOM(decodePageBytes(bytes), { url }).window.document;
  const route = routePage(doc, new URL(url));
  if (!route) return { state: 'not-a-listing', warnings: [`no adapter claims ${url}`] };
  if (route.kind === 'search') {
    const found = route.adapter.extractSearchResults?.(doc, new URL(url));
    return {
      // a login wall or rate limit in place of results is a state, never an empty `ready`
      state: found?.blocked ?? 'ready',
      results: (found?.results ?? []).map((r) => ({
        platform: r.platform,
        itemId: r.itemId,
        title: r.title,
        shopName: r.shopName ?? '',
        shopId: r.shopId ?? '',
        sellerId: r.sellerId ?? '',
        price: formatFen(r.priceFen),
      })),
      warnings: found?.warnings ?? [],
    };
  }
  const result = route.adapter.extractListing(doc, new URL(url));
  if (!result.ok) {
    const state: PanelState = result.reason === 'layout-changed' ? 'error' : result.reason;
    const r = result.removed;
    const shop = { name: r?.shop?.name ?? '', id: r?.shop?.id ?? '', sellerId: r?.shop?.sellerId ?? '' };
    const removed = r ? { removed: { platform: r.platform, itemId: r.itemId ?? '', shop } } : {};
    return { state, ...removed, warnings: [...result.warnings, ...(result.missing?.length ? [`missing required: ${result.missing.join(', ')}`] : [])] };
  }
  const l = result.listing;
  return {
    state: 'ready',
    listing: {
      platform: l.platform,
      itemId: l.itemId,
      title: l.title,
      shop: { name: l.shop.name, id: l.shop.id ?? '', sellerId: l.shop.sellerId ?? '' },
      price: { lowest: formatFen(lowestPriceFen(l)), currency: 'CNY' },
    },
    sources: result.sources as Record<string, string>,
    warnings: result.warnings,
  };
}
