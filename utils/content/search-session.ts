import type { MarketplaceAdapter } from '@/utils/marketplaces/adapter';
import type { Verdict } from '@/utils/model/capture';
import type { SearchExtraction, SearchResult } from '@/utils/model/search-result';
import type { VerdictQuery } from '@/utils/messaging/schemas';
import type { SearchSummaryView } from '@/utils/content/panel-view';
import { placeBadge } from '@/utils/content/result-badge';
import type { LocalVerdicts } from '@/utils/content/local-verdicts';
import type { ResultPicks } from '@/utils/content/result-picks';
import { cstDay } from '@/utils/authorized/normalise';
import { formatFen } from '@/utils/marketplaces/price';

export interface SearchSessionDeps {
  requestVerdicts(queries: VerdictQuery[]): Promise<Verdict[]>;
  /** judges results from the seller digest without a round trip, where it can */
  local: LocalVerdicts;
  lang: 'zh' | 'en';
  /** the investigator's ticks: flagged results' badges get a tick box, the summary lists the ticked */
  picks?: ResultPicks;
}

const UNKNOWN: Verdict = { seller: 'unknown', price: 'unknown' };

/** Passes over the adapter's sample results before real ones arrive (see warmUp). */
const WARM_UP_PASSES = 20;

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

/** What the capture-flagged runner captures: not authorized, authorization expired, or below the minimum. */
export const isFlagged = (v: Verdict) => v.seller === 'unauthorized' || v.seller === 'expired' || v.price === 'below-min';

const keyOf = (r: SearchResult) => `${r.platform}:${r.itemId}:${r.shopId ?? r.sellerId ?? r.shopName ?? ''}:${r.priceFen ?? ''}`;

/**
 * Keeps one badge per recognised result. Each pass reads the results, judges those it has not
 * judged yet (infinite scroll adds some) from the seller digest, asks the background for any the
 * digest cannot judge, and recounts the summary.
 */
export class SearchSession {
  private verdicts = new Map<string, Verdict>();
  private warmed = false;

  constructor(
    private adapter: MarketplaceAdapter,
    private deps: SearchSessionDeps,
  ) {}

  /** Forget verdicts (the authorized list changed); warm up again once the new digest is in. */
  reset(): void {
    this.verdicts.clear();
    this.deps.local.reset();
    this.warmed = false;
  }

  /** `blocked`: no results because the page is a login wall or a captcha/rate limit instead */
  async refresh(doc: Document, url: URL): Promise<SearchSummaryView & { blocked?: SearchExtraction['blocked'] }> {
    await this.deps.local.prepare(); // at once when the digest is in hand
    if (!this.warmed) this.scheduleWarmUp();
    const found = this.adapter.extractSearchResults?.(doc, url);
    const results = found?.results ?? [];
    const unjudged = this.judgeLocally(results, this.verdicts);
    for (let i = 0; i < unjudged.length; i += 500) {
      const batch = unjudged.slice(i, i + 500);
      const verdicts = await this.deps.requestVerdicts(batch.map(toQuery));
      batch.forEach((r, j) => this.verdicts.set(keyOf(r), verdicts[j] ?? UNKNOWN));
    }
    const summary = this.place(results, this.verdicts);
    return found?.blocked ? { ...summary, blocked: found.blocked } : summary;
  }

  private read(doc: Document, url: URL): SearchResult[] {
    return this.adapter.extractSearchResults?.(doc, url).results ?? [];
  }

  /** Judges from the digest every result not in `verdicts` yet; returns those only the background can judge (once each). */
  private judgeLocally(results: SearchResult[], verdicts: Map<string, Verdict>): SearchResult[] {
    const day = cstDay(new Date());
    const unjudged = new Map<string, SearchResult>();
    for (const r of results) {
      const key = keyOf(r);
      if (verdicts.has(key) || unjudged.has(key)) continue;
      const local = this.deps.local.judge(toQuery(r), day);
      if (local) verdicts.set(key, local);
      else unjudged.set(key, r);
    }
    return [...unjudged.values()];
  }

  /** Puts up every result's badge and counts each item once for the summary. */
  private place(results: SearchResult[], verdicts: Map<string, Verdict>): SearchSummaryView {
    const summary: SearchSummaryView = { total: 0, unauthorized: 0, belowMin: 0, flagged: [], results: [] };
    const seen = new Set<string>();
    for (const r of results) {
      const v = verdicts.get(keyOf(r)) ?? UNKNOWN;
      placeBadge(r, v, this.deps.lang, isFlagged(v) ? this.deps.picks : undefined);
      if (seen.has(`${r.platform}:${r.itemId}`)) continue;
      seen.add(`${r.platform}:${r.itemId}`);
      summary.total += 1;
      if (v.seller === 'unauthorized') summary.unauthorized += 1;
      if (v.price === 'below-min') summary.belowMin += 1;
      if (isFlagged(v)) summary.flagged!.push({ platform: r.platform, itemId: r.itemId });
      summary.results!.push({
        platform: r.platform,
        itemId: r.itemId,
        title: r.title.slice(0, 2000),
        shopName: (r.shopName ?? '').slice(0, 2000),
        ...(r.shopId ? { shopId: r.shopId.slice(0, 64) } : {}),
        price: r.priceFen !== undefined ? formatFen(r.priceFen) : '',
        verdict: { seller: v.seller, price: v.price },
      });
    }
    if (this.deps.picks) summary.picked = this.deps.picks.among(summary.flagged!);
    return summary;
  }

  private scheduleWarmUp(): void {
    this.warmed = true;
    const run = () => this.warmUp();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
    else setTimeout(run, 0);
  }

  /**
   * Runs read, judge and place a few times over the adapter's sample results, in a detached
   * document the page never sees. Code run for the first time in a page is slow (compiling,
   * no type feedback): without this, the first real results took up to twice as long as later ones.
   */
  private warmUp(): void {
    const sample = this.adapter.searchSample;
    const url = this.adapter.exampleUrls.search?.[0];
    if (!sample || !url) return;
    const doc = new DOMParser().parseFromString(sample, 'text/html');
    // Half the made-up titles name one of the list's products, as real results mostly do.
    const keyword = this.deps.local.sampleKeyword();
    for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
      const results = this.read(doc, new URL(url));
      if (keyword) results.forEach((r, i) => i % 2 && (r.title = `${r.title} ${keyword}`));
      const verdicts = new Map<string, Verdict>();
      this.judgeLocally(results, verdicts);
      this.place(results, verdicts);
    }
  }
}
