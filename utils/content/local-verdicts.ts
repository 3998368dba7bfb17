import type { Verdict } from '@/utils/model/capture';
import type { Platform } from '@/utils/model/listing';
import type { VerdictQuery } from '@/utils/messaging/schemas';
import type { SellerDigest } from '@/utils/authorized/seller-digest';
import { DigestMatcher } from '@/utils/authorized/digest-matcher';
import { caseStatusOf, type CaseStatusMap } from '@/utils/cases/case-status-map';

// Search results judged in the content script from the background's seller digest, so badges go
// up in the same task that reads the new results. Anything the digest does not cover (another
// platform, a new day, no digest yet) returns undefined and goes to the background as before.

/** The platforms a marketplace's search results can be on (Taobao search lists Tmall items too). */
export const SEARCH_RESULT_PLATFORMS: Record<Platform, Platform[]> = {
  taobao: ['taobao', 'tmall'],
  tmall: ['tmall', 'taobao'],
  jd: ['jd'],
  pdd: ['pdd'],
};

const RETRY_AFTER_MS = 5000;
const NO_LIST: Verdict = { seller: 'unknown', price: 'unknown' };

export class LocalVerdicts {
  /** null: no list in force (everything is unknown, as the background would say) */
  private matcher: DigestMatcher | null | undefined;
  private loading: Promise<void> | undefined;
  private failedAt = -Infinity;
  /** the shops' case statuses, sent with the digest */
  private cases: CaseStatusMap | undefined;
  private generation = 0;

  constructor(
    private readonly platforms: Platform[],
    private readonly fetchDigest: (platforms: Platform[]) => Promise<{ digest: SellerDigest | null; cases?: CaseStatusMap }>,
  ) {}

  /** The list changed: drop the digest; the next prepare() fetches the new one. */
  reset(): void {
    this.matcher = undefined;
    this.loading = undefined;
    this.generation++;
  }

  /** Resolves once a digest is in hand (or fetching it failed; judge() then defers to the background). */
  prepare(): Promise<void> {
    if (this.matcher !== undefined || performance.now() - this.failedAt < RETRY_AFTER_MS) return Promise.resolve();
    const generation = this.generation;
    this.loading ??= this.fetchDigest(this.platforms)
      .then(({ digest, cases }) => {
        if (generation !== this.generation) return;
        this.matcher = digest && new DigestMatcher(digest);
        this.cases = cases;
      })
      .catch(() => {
        this.failedAt = performance.now(); // background restarting: ask it per result meanwhile
      })
      .finally(() => {
        if (generation === this.generation) this.loading = undefined;
      });
    return this.loading;
  }

  /** A product keyword of the list in force, for made-up warm-up titles; undefined without a digest. */
  sampleKeyword(): string | undefined {
    return this.matcher?.sampleKeyword();
  }

  /** The verdict for one result on `day` (cstDay of now), or undefined when only the background can give it. */
  judge(query: VerdictQuery, day: string): Verdict | undefined {
    if (this.matcher === null) return this.withCase(NO_LIST, query);
    if (!this.matcher) return undefined;
    if (!this.matcher.covers(query.platform, day)) {
      if (this.matcher.coversPlatform(query.platform)) this.refetch(); // a new day: fresh validity bits
      return undefined;
    }
    return this.withCase(this.matcher.verdict(query), query);
  }

  private withCase(verdict: Verdict, query: VerdictQuery): Verdict {
    const caseStatus = caseStatusOf(this.cases, query);
    return caseStatus ? { ...verdict, caseStatus } : verdict;
  }

  private refetch(): void {
    this.matcher = undefined;
    void this.prepare();
  }
}
