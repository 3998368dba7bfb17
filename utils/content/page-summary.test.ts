import { describe, expect, it } from 'vitest';
import { pageSummary } from '@/utils/content/page-summary';
import { initialView, type PanelView } from '@/utils/content/panel-view';

describe('page summary for the popup', () => {
  it('copies the listing, its verdict and the case status out of the panel view', () => {
    const view: PanelView = {
      ...initialView(),
      state: 'ready',
      kind: 'item',
      platform: 'taobao',
      listing: {
        platform: 'taobao',
        itemId: '781234567890',
        title: 't',
        shopName: '极光数码专营店',
        shopId: '310987654',
        sellerId: '',
        lowestPrice: '269.00',
        sources: {},
        warnings: [],
      },
      verdict: { seller: 'unauthorized', price: 'ok', caseStatus: 'complained' },
    };
    const summary = pageSummary(view);
    expect(summary).toEqual({
      state: 'ready',
      kind: 'item',
      platform: 'taobao',
      itemId: '781234567890',
      title: 't',
      shopName: '极光数码专营店',
      shopId: '310987654',
      price: '269.00',
      verdict: { seller: 'unauthorized', price: 'ok', caseStatus: 'complained' },
    });
    // a copy: the message carries plain data, never the live view
    expect(summary.verdict).not.toBe(view.verdict);
  });

  it('says only the state on a page still loading, and the counts on a search page', () => {
    expect(pageSummary(initialView())).toEqual({ state: 'loading', kind: 'none' });
    const search = pageSummary({ ...initialView(), state: 'ready', kind: 'search', platform: 'jd', search: { total: 4, unauthorized: 3, belowMin: 1 } });
    expect(search.search).toEqual({ total: 4, unauthorized: 3, belowMin: 1 });
  });
});
