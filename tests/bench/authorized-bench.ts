// Storage is measured on fake-indexeddb: node has no IndexedDB of its own.
import 'fake-indexeddb/auto';
import { PLATFORMS, type Platform } from '@/utils/model/listing';
import { importJsonText } from '@/utils/authorized/import-json';
import { buildIndex, namesOf, verdictFor, type VerdictInput } from '@/utils/authorized/matcher';
import { buildSellerDigest, type SellerDigest } from '@/utils/authorized/seller-digest';
import { DigestMatcher } from '@/utils/authorized/digest-matcher';
import { loadList, saveList } from '@/utils/authorized/list-store';
import { ListingProofDatabase } from '@/utils/db/database';

// Authorized list at scale: 1,000,000 sellers and 10,000 products. Reports import (JSON parse +
// validation + index build), storage in (fake) IndexedDB, peak memory, and verdict lookup latency
// next to a plain Map.get over the same keys measured in the same run. Targets: import < 15 s,
// lookup p99 < 1 ms.

const SELLERS = 1_000_000;
const PRODUCTS = 10_000;
const LOOKUPS = 100_000;

function generateListJson(): string {
  const sellers = [];
  for (let i = 0; i < SELLERS; i++) {
    sellers.push({
      platform: PLATFORMS[i % 4],
      shopId: i % 10 === 9 ? '' : String(100_000_000 + i),
      shopName: `Acme授权店 ${i}`,
      sellerId: i % 3 === 0 ? String(500_000_000 + i) : '',
      ...(i % 5 === 0 ? { validFrom: '2026-01-01', validTo: '2026-12-31' } : {}),
    });
  }
  const products = [];
  for (let i = 0; i < PRODUCTS; i++) {
    products.push({
      code: `P-${i}`,
      name: `Acme 型号${i}`,
      keywords: [`MDL-${i}`, `型号${i}款`],
      excludeKeywords: i % 7 === 0 ? ['配件'] : [],
      itemIds: [String(700_000_000_000 + i)],
      minPrice: `${100 + (i % 500)}.00`,
    });
  }
  return JSON.stringify({ format: 'listingproof-authorized-list', formatVersion: 1, brand: 'Acme', updatedAt: '2026-11-01T00:00:00Z', sellers, products });
}

class Memory {
  rss = 0;
  heap = 0;
  sample(): void {
    const m = process.memoryUsage();
    this.rss = Math.max(this.rss, m.rss);
    this.heap = Math.max(this.heap, m.heapUsed);
  }
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** A deterministic mix of page lookups: hits by shop id, seller id and name, misses, varied titles. */
function queries(): VerdictInput[] {
  const at = new Date('2026-06-15T12:00:00+08:00');
  const out: VerdictInput[] = [];
  let seed = 42;
  const rand = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
  for (let q = 0; q < LOOKUPS; q++) {
    const i = rand(SELLERS);
    const platform = PLATFORMS[i % 4] as Platform;
    const p = rand(PRODUCTS);
    const mode = q % 4;
    out.push({
      platform,
      shopId: mode === 0 ? String(100_000_000 + i) : mode === 3 ? String(900_000_000 + i) : undefined,
      sellerId: mode === 1 ? String(500_000_000 + i) : undefined,
      shopName: `ACME授权店${i}`,
      itemId: q % 2 ? String(700_000_000_000 + p) : '1',
      title: `Acme 新款 MDL-${p} 无线降噪耳机 官方正品 ${q % 3 === 0 ? '配件' : ''} 包邮`,
      lowestPriceFen: 10_000 + rand(60_000),
      at,
    });
  }
  return out;
}

export async function benchAuthorized(print: (line: string) => void): Promise<void> {
  const mem = new Memory();
  const timer = setInterval(() => mem.sample(), 20);
  try {
    mem.sample();
    let t = performance.now();
    const text = generateListJson();
    print(
      `authorized: generated ${SELLERS.toLocaleString('en')} sellers + ${PRODUCTS.toLocaleString('en')} products as JSON (${mb(text.length)}) in ${sec(performance.now() - t)}`,
    );
    mem.sample();

    const cpu0 = process.cpuUsage();
    t = performance.now();
    const outcome = importJsonText(text);
    const parseMs = performance.now() - t;
    mem.sample();
    if (!outcome.ok) throw new Error(`generated list rejected: ${outcome.problems[0]?.message}`);
    t = performance.now();
    const index = buildIndex(outcome.list, { id: 'bench', updatedAt: outcome.list.updatedAt, brand: outcome.list.brand });
    const indexMs = performance.now() - t;
    mem.sample();
    // The name maps are built on first name-only lookup; built here so they count and lookups are warm.
    t = performance.now();
    for (const ps of index.platforms.values()) namesOf(ps);
    const namesMs = performance.now() - t;
    mem.sample();
    const cpu = process.cpuUsage(cpu0);
    const importMs = parseMs + indexMs + namesMs;
    print(
      `authorized: import = parse+validate ${sec(parseMs)} + index ${sec(indexMs)} + name maps ${sec(namesMs)} = ${sec(importMs)} wall, ` +
        `${sec((cpu.user + cpu.system) / 1000)} CPU (target < 15 s: ${importMs < 15_000 ? 'met' : 'MISSED'}; wall above CPU = other processes on the machine)`,
    );

    const db = new ListingProofDatabase(`bench-${crypto.randomUUID()}`);
    t = performance.now();
    await saveList(outcome.list, { kind: 'file', names: ['bench.json'] }, 'all', db);
    const saveMs = performance.now() - t;
    mem.sample();
    t = performance.now();
    const loaded = await loadList(db);
    const loadMs = performance.now() - t;
    mem.sample();
    print(
      `authorized: storage (fake-indexeddb in node, not a browser's IndexedDB): save ${sec(saveMs)}, load ${sec(loadMs)} (${loaded?.list.sellers.length.toLocaleString('en')} sellers back)`,
    );
    await db.delete();

    const qs = queries();
    const lookup = new Float64Array(LOOKUPS);
    let below = 0;
    for (let i = 0; i < LOOKUPS; i++) {
      const s = performance.now();
      const v = verdictFor(index, qs[i]!);
      lookup[i] = performance.now() - s;
      if (v.price === 'below-min') below++;
    }
    // Reference: the floor any lookup pays, a plain Map.get on the same keys, timed the same way.
    const plain = new Map<string, unknown>();
    for (const s of outcome.list.sellers) plain.set(`${s.platform}:${s.shopId || s.sellerId}`, s);
    const keys = qs.map((q) => `${q.platform}:${q.shopId ?? q.sellerId ?? ''}`);
    const ref = new Float64Array(LOOKUPS);
    let hits = 0;
    for (let i = 0; i < LOOKUPS; i++) {
      const s = performance.now();
      if (plain.get(keys[i]!) !== undefined) hits++;
      ref[i] = performance.now() - s;
    }
    mem.sample();
    lookup.sort();
    ref.sort();
    const [p50, p99, r50, r99] = [percentile(lookup, 0.5), percentile(lookup, 0.99), percentile(ref, 0.5), percentile(ref, 0.99)];
    const mean = lookup.reduce((a, b) => a + b, 0) / LOOKUPS;
    const refMean = ref.reduce((a, b) => a + b, 0) / LOOKUPS;
    print(
      `authorized: ${LOOKUPS.toLocaleString('en')} verdicts: p50 ${us(p50)}, p99 ${us(p99)}, mean ${us(mean)} (target p99 < 1 ms: ${p99 < 1 ? 'met' : 'MISSED'}; ${below} below-min)`,
    );
    print(
      `authorized: reference Map.get: p50 ${us(r50)}, p99 ${us(r99)}, mean ${us(refMean)} (${hits} hits); ratio verdict/Map.get: p50 ${(p50 / Math.max(r50, 1e-6)).toFixed(1)}x, p99 ${(p99 / Math.max(r99, 1e-6)).toFixed(1)}x, mean ${(mean / Math.max(refMean, 1e-6)).toFixed(1)}x`,
    );
    // What a search page receives: the seller digest of Taobao + Tmall (a quarter of the list each).
    t = performance.now();
    const digest = buildSellerDigest(index, ['taobao', 'tmall'], qs[0]!.at);
    const digestMs = performance.now() - t;
    const wire = JSON.stringify(digest);
    t = performance.now();
    const matcher = new DigestMatcher(JSON.parse(wire) as SellerDigest);
    const decodeMs = performance.now() - t;
    const covered = qs.filter((q) => q.platform === 'taobao' || q.platform === 'tmall').slice(0, 10_000);
    const agree = covered.filter((q) => JSON.stringify(matcher.verdict(q)) === JSON.stringify(verdictFor(index, q))).length;
    mem.sample();
    print(
      `authorized: search-page seller digest (taobao + tmall): built in ${sec(digestMs)}, ${mb(wire.length)} as sent, ` +
        `parsed and decoded in ${sec(decodeMs)}; agrees with the index on ${agree.toLocaleString('en')} of ${covered.length.toLocaleString('en')} taobao/tmall verdicts`,
    );
    print(`authorized: peak memory rss ${mb(mem.rss)}, heapUsed ${mb(mem.heap)} (sampled every 20 ms and between phases)`);
  } finally {
    clearInterval(timer);
  }
}
