import { database } from '@/utils/db/database';
import { currentRecord, loadList } from '@/utils/authorized/list-store';
import { buildIndex, verdictFor, type AuthorizedIndex } from '@/utils/authorized/matcher';
import type { Verdict } from '@/utils/model/capture';
import type { VerdictQuery } from '@/utils/messaging/schemas';
import type { Platform } from '@/utils/model/listing';
import { buildSellerDigest, type SellerDigest } from '@/utils/authorized/seller-digest';
import { cstDay } from '@/utils/authorized/normalise';
import { caseStatusMap, caseStatusOf, type CaseStatusMap } from '@/utils/cases/case-status-map';

// Judges listings against the authorized list in force. The index is built once per list and
// kept while the service worker lives; each request checks (one small read) that the list in
// force is still the one indexed, so an import in the dashboard takes effect at once.

let cached: { listId: string; index: AuthorizedIndex } | undefined;
let building: Promise<AuthorizedIndex | undefined> | undefined;

async function currentIndex(): Promise<AuthorizedIndex | undefined> {
  const record = await currentRecord(database());
  if (!record) {
    cached = undefined;
    return undefined;
  }
  if (cached?.listId === record.id) return cached.index;
  building ??= (async () => {
    const stored = await loadList(database());
    if (!stored) return undefined;
    const index = buildIndex(stored.list, { id: stored.record.id, updatedAt: stored.record.updatedAt, brand: stored.record.brand });
    cached = { listId: stored.record.id, index };
    return index;
  })().finally(() => {
    building = undefined;
  });
  return building;
}

export function forgetIndex(): void {
  cached = undefined;
  digests.clear();
}

// Digests are kept per list, day and platform set: every search tab of the same site shares one.
const digests = new Map<string, SellerDigest>();

/** The search-page seller digest for `platforms`, or null when no list is in force. */
export async function digestFor(platforms: Platform[], at = new Date()): Promise<SellerDigest | null> {
  const index = await currentIndex();
  if (!index) return null;
  const key = `${index.meta.id}|${cstDay(at)}|${[...new Set(platforms)].sort().join(',')}`;
  let digest = digests.get(key);
  if (!digest) {
    if (digests.size >= 8) digests.clear(); // old days and lists: a handful at most
    digest = buildSellerDigest(index, platforms, at);
    digests.set(key, digest);
  }
  return digest;
}

/** Case statuses of the shops on `platforms` (all when omitted); the cases table is small. */
export async function caseStatusesFor(platforms?: Platform[]): Promise<CaseStatusMap> {
  return caseStatusMap(await database().cases.toArray(), platforms);
}

export async function verdictsFor(queries: VerdictQuery[], at = new Date()): Promise<Verdict[]> {
  const [index, cases] = await Promise.all([currentIndex(), caseStatusesFor()]);
  return queries.map((q) => {
    const verdict = verdictFor(index, {
      platform: q.platform,
      shopId: q.shopId,
      sellerId: q.sellerId,
      shopName: q.shopName,
      itemId: q.itemId,
      title: q.title,
      lowestPriceFen: q.lowestPriceFen,
      at,
    });
    const caseStatus = caseStatusOf(cases, q);
    return caseStatus ? { ...verdict, caseStatus } : verdict;
  });
}
