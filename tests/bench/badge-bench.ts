import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { importThroughDashboard } from '@/tests/harness/import-list';
import { BADGE_SEARCH_URL, RESULTS, badgeAuthorizedList, badgeSearchPage } from '@/tests/bench/badge-page';
import { median, ms, ratio, sleep, table, verdict, type Print } from '@/tests/bench/bench-utils';

// Badge time on a 60-result search page with a 100,000-seller authorized list imported through the
// dashboard, all times taken in the page: from the results appearing (the page has inserted them
// and its insertion work is done: a page observer created before ours is told of them) to the
// 60th badge carrying a verdict. Also shown: the page's own time from starting the insertion to
// that point, and whether the badges were up before the next frame began (then no paint ever
// shows the results without them). Reference, measured in the same page: one animation frame (the
// median interval between requestAnimationFrame callbacks). Target: every badge within 16 ms.
//
// The 60 results start 60 image requests. Answered at once by the fixture server, which runs on
// the same two cores, their responses compete with our work inside the few milliseconds measured;
// from a real CDN they arrive a round trip later and the serving costs the user's machine
// nothing. Each round runs both ways: images answered after 30 ms (the target is judged here)
// and at once (shown beside it).

const SELLERS = 100_000;
const TARGET_MS = 16;
const CDN_ROUND_TRIP_MS = 30;

interface Round {
  allMs: number;
  firstMs: number;
  insertMs: number;
  beforeNextFrame: boolean;
  frameMs: number;
}

async function oneRound(b: ExtensionBrowser): Promise<Round> {
  const page = await b.context.newPage();
  try {
    await page.goto(BADGE_SEARCH_URL);
    // The content script is running once the panel shows the (still empty) search summary.
    await panel(page, 'search-summary').waitFor({ timeout: 20_000 });
    // The page's own functions, defined by its inline script (typed here by hand). Helpers live
    // in the page, not in evaluate callbacks: tsx's keepNames would make those reference __name.
    const frameMs = await page.evaluate(() => (window as unknown as { __frameInterval(): Promise<number> }).__frameInterval());
    await page.evaluate(() => (window as unknown as { __insertResults(): number }).__insertResults());
    await Promise.race([
      page.evaluate(() => (window as unknown as { __badgesDone: Promise<void> }).__badgesDone),
      sleep(20_000).then(() => Promise.reject(new Error('the badges did not all appear within 20 s'))),
    ]);
    const times = await page.evaluate(() => {
      const w = window as unknown as { __insertedAt: number; __seenAt: number; __firstBadgeAt: number; __badgesDoneAt: number; __frameAt?: number };
      return { inserted: w.__insertedAt, seen: w.__seenAt, first: w.__firstBadgeAt, done: w.__badgesDoneAt, frame: w.__frameAt };
    });
    const count = await page.locator('[data-testid="result-badge"]').count();
    if (count !== RESULTS) throw new Error(`expected ${RESULTS} badges, found ${count}`);
    return {
      allMs: times.done - times.seen,
      firstMs: times.first - times.seen,
      insertMs: times.seen - times.inserted,
      beforeNextFrame: times.frame === undefined || times.done <= times.frame,
      frameMs,
    };
  } finally {
    await page.close();
  }
}

export async function benchBadges(print: Print, opts: { rounds: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'listingproof-bench-'));
  const server = await startFixtureServer([{ url: BADGE_SEARCH_URL, body: badgeSearchPage() }]);
  let b: ExtensionBrowser | undefined;
  try {
    const listFile = join(dir, 'authorized-100k.json');
    writeFileSync(listFile, badgeAuthorizedList(SELLERS));
    b = await launchWithExtension(server.port);
    const t = performance.now();
    const dash = await importThroughDashboard(b, [listFile]);
    print(`imported ${SELLERS.toLocaleString('en')} sellers through the dashboard in ${ms(performance.now() - t, 0)} (file input to status ok)`);
    await dash.close();

    // The first page also pays for the background loading and indexing the list: shown apart.
    const cold = await oneRound(b);
    const cdn: Round[] = [];
    const local: Round[] = [];
    for (let i = 0; i < opts.rounds; i++) {
      server.setImageDelay(CDN_ROUND_TRIP_MS);
      cdn.push(await oneRound(b));
      server.setImageDelay(0);
      local.push(await oneRound(b));
    }
    const row = (name: string, r: Round) => [
      name,
      ms(r.insertMs, 1),
      ms(r.firstMs, 1),
      ms(r.allMs, 1),
      r.beforeNextFrame ? 'yes' : 'no',
      ms(r.frameMs, 1),
      ratio(r.allMs, r.frameMs),
    ];
    const rows = [row('first page (cold, images at once)', cold)];
    cdn.forEach((r, i) => rows.push(row(`round ${i + 1}, images after ${CDN_ROUND_TRIP_MS} ms`, r), row(`round ${i + 1}, images at once`, local[i]!)));
    table(print, ['round', 'page inserts results', 'first badge', `all ${RESULTS} badges`, 'before next frame', 'one frame (rAF)', 'all ÷ frame'], rows);
    print('');
    const summary = (rounds: Round[]) => {
      const all = median(rounds.map((r) => r.allMs));
      const frame = median(rounds.map((r) => r.frameMs));
      const worst = Math.max(...rounds.map((r) => r.allMs));
      const framesOk = rounds.filter((r) => r.beforeNextFrame).length;
      return {
        all,
        text: `all ${RESULTS} badges ${ms(all, 1)} after the results appeared (worst ${ms(worst, 1)}) = ${ratio(all, frame)} a frame of ${ms(frame, 1)}; before the next frame in ${framesOk} of ${rounds.length}`,
      };
    };
    const withCdn = summary(cdn);
    print(
      `images from a CDN ${CDN_ROUND_TRIP_MS} ms away, median of ${cdn.length}: ${withCdn.text}; target < ${TARGET_MS} ms: ${verdict(withCdn.all < TARGET_MS)}`,
    );
    print(`images answered at once on this machine, median of ${local.length}: ${summary(local).text}`);
    print(
      '(the content script reads new results in the mutation microtask and judges them from the seller digest it fetched when the page opened; the cold round waits for the background to load and index the list)',
    );
  } finally {
    await b?.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
