import type { MarketplaceAdapter } from '@/utils/marketplaces/adapter';
import type { Verdict } from '@/utils/model/capture';
import type { SearchResult } from '@/utils/model/search-result';
import type { VerdictQuery } from '@/utils/messaging/schemas';
import type { SearchSummaryView } from '@/utils/content/panel-view';
import { placeBadge } from '@/utils/content/result-badge';
import type { LocalVerdicts } from '@/utils/content/local-verdicts';
import { cstDay } from '@/utils/authorized/normalise';

export interface SearchSessionDeps {
  requestVerdicts(queries: VerdictQuery[]): Promise<Verdict[]>;
  /** judges results from the seller digest without a round trip, where it can */
  local: LocalVerdicts;
  lang: 'zh' | 'en';
}

function toQuery(r: SearchResult): VerdictQuery {
  return {
    platform: r.platform,
    itemId: r.itemId,
    title: r.title.slice(0, 2000),
    shopName: (r.shopName ?? '').slice(0, 2000),
    ...(r.shopId ? { shopId: r.shopId } : {}),
    ...(r.sellerId ? { sellerId: r.sellerId } : {}),
    ...(r.priceFen !== undefined ? { lowestPriceFen: r.priceFen } : {}),
  };
}

/**
 * Keeps one badge per recognised result. Each pass reads the results, judges those it has not
 * judged yet (infinite scroll adds some) from the seller digest, asks the background for any the
 * digest cannot judge, and recounts the summary.
 */
export class SearchSession {
  private verdicts = new Map<string, Verdict>();

  constructor(
    private adapter: MarketplaceAdapter,
    private deps: SearchSessionDeps,
  ) {}

  /** Forget verdicts (the authorized list changed). */
  reset(): void {
    this.verdicts.clear();
    this.deps.local.reset();
  }

  async refresh(doc: Document, url: URL): Promise<SearchSummaryView> {
    await this.deps.local.prepare(); // at once when the digest is in hand
    const extraction = this.adapter.extractSearchResults?.(doc, url) ?? { results: [], source: 'none' as const, warnings: [] };
    const results = extraction.results;
    const key = (r: SearchResult) => `${r.platform}:${r.itemId}:${r.shopId ?? r.sellerId ?? r.shopName ?? ''}:${r.priceFen ?? ''}`;
    const fresh = results.filter((r) => !this.verdicts.has(key(r)));
    if (fresh.length) {
      const day = cstDay(new Date());
      const unique: SearchResult[] = [];
      for (const r of new Map(fresh.map((r) => [key(r), r])).values()) {
        const local = this.deps.local.judge(toQuery(r), day);
        if (local) this.verdicts.set(key(r), local);
        else unique.push(r);
      }
      for (let i = 0; i < unique.length; i += 500) {
        const batch = unique.slice(i, i + 500);
        const verdicts = await this.deps.requestVerdicts(batch.map(toQuery));
        batch.forEach((r, j) => this.verdicts.set(key(r), verdicts[j] ?? { seller: 'unknown', price: 'unknown' }));
      }
    }
    const summary: SearchSummaryView = { total: 0, unauthorized: 0, belowMin: 0 };
    const seen = new Set<string>();
    for (const r of results) {
      const v = this.verdicts.get(key(r)) ?? { seller: 'unknown', price: 'unknown' };
      placeBadge(r, v, this.deps.lang);
      if (seen.has(`${r.platform}:${r.itemId}`)) continue;
      seen.add(`${r.platform}:${r.itemId}`);
      summary.total += 1;
      if (v.seller === 'unauthorized') summary.unauthorized += 1;
      if (v.price === 'below-min') summary.belowMin += 1;
    }
    return summary;
  }
}
