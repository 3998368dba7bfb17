import { routePage } from '@/utils/marketplaces/registry';
import { loadDocument } from '@/tests/helpers/load-page';
import { benchPages, uncoveredFixtures, type BenchPage } from '@/tests/bench/bench-pages';
import { extractInChromium, type InPageTiming } from '@/tests/bench/extraction-chromium';
import { median, ms, ratio, table, timeBatches, verdict, type Print } from '@/tests/bench/bench-utils';

// Extraction time per page, item and search, own fixtures and real saved pages. The reference,
// measured on the same document in the same run, is one `querySelectorAll('*')` pass: the least
// any reader of the whole page pays, so the ratio says how many full-DOM passes an extraction
// costs. jsdom is many times slower than a browser's DOM; the Chromium figure is the one that
// counts against the 5 ms target, because that is where the content script runs.

const TARGET_MS = 5;

interface JsdomTiming {
  kind: string;
  outcome: string;
  extractMs: number;
  referenceMs: number;
}

function inJsdom(p: BenchPage): JsdomTiming {
  const url = new URL(p.url);
  const doc = loadDocument(p.file, p.url);
  const routed = routePage(doc, url);
  if (!routed) return { kind: 'none', outcome: 'not routed', extractMs: Number.NaN, referenceMs: Number.NaN };
  const { adapter, kind } = routed;
  const run = kind === 'search' && adapter.extractSearchResults ? () => adapter.extractSearchResults!(doc, url) : () => adapter.extractListing(doc, url);
  const first = run();
  const outcome = 'results' in first ? `${first.results.length} results` : first.ok ? 'ok' : first.reason;
  const budget = { warmup: 5, batches: 9, budgetMs: 200 };
  const extractMs = median(timeBatches(() => void run(), budget));
  const referenceMs = median(timeBatches(() => void doc.querySelectorAll('*').length, budget));
  return { kind, outcome, extractMs, referenceMs };
}

export async function benchExtraction(print: Print, opts: { chromium?: boolean } = {}): Promise<void> {
  const pages = benchPages();
  const missing = uncoveredFixtures(pages);
  if (missing.length) print(`note: own fixtures not in the bench page list: ${missing.join(', ')}`);

  const jsdom = new Map<string, JsdomTiming>();
  for (const p of pages) {
    try {
      jsdom.set(p.url, inJsdom(p));
    } catch (err) {
      print(`jsdom: ${p.name}: ${String(err)}`);
    }
  }

  let chromium = new Map<string, InPageTiming>();
  if (opts.chromium !== false) {
    chromium = await extractInChromium(pages, (p, err) => print(`chromium: ${p.name}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`));
  }

  const rows: string[][] = [];
  const medians = { jsdom: [] as number[], chromium: [] as number[], jsdomRatio: [] as number[], chromiumRatio: [] as number[] };
  for (const p of pages) {
    const j = jsdom.get(p.url);
    const c = chromium.get(p.url);
    const cExtract = c ? median(c.extractMs) : Number.NaN;
    const cRef = c ? median(c.referenceMs) : Number.NaN;
    if (j && Number.isFinite(j.extractMs)) {
      medians.jsdom.push(j.extractMs);
      medians.jsdomRatio.push(j.extractMs / j.referenceMs);
    }
    if (Number.isFinite(cExtract)) {
      medians.chromium.push(cExtract);
      medians.chromiumRatio.push(cExtract / cRef);
    }
    rows.push([
      p.name.slice(0, 46),
      j?.kind ?? c?.kind ?? '?',
      j?.outcome ?? '—',
      c ? String(c.elements) : '—',
      ms(j?.extractMs ?? Number.NaN, 3),
      ratio(j?.extractMs ?? Number.NaN, j?.referenceMs ?? Number.NaN),
      ms(cExtract, 3),
      ms(cRef, 3),
      ratio(cExtract, cRef),
      Number.isFinite(cExtract) ? verdict(cExtract < TARGET_MS) : '—',
    ]);
  }
  table(
    print,
    ['page', 'kind', 'jsdom outcome', 'elements', 'jsdom extract', 'jsdom ÷ qsa(*)', 'chromium extract', 'chromium qsa(*)', 'ratio', `< ${TARGET_MS} ms`],
    rows,
  );
  print('');
  const worst = Math.max(...medians.chromium);
  print(
    `jsdom: median over ${medians.jsdom.length} pages ${ms(median(medians.jsdom), 3)} per extraction, ${median(medians.jsdomRatio).toFixed(2)}x a querySelectorAll('*') pass (jsdom is not where the extension runs)`,
  );
  if (medians.chromium.length) {
    print(
      `chromium (counts): median over ${medians.chromium.length} pages ${ms(median(medians.chromium), 3)}, slowest ${ms(worst, 3)}, ` +
        `${median(medians.chromiumRatio).toFixed(2)}x a querySelectorAll('*') pass; target < ${TARGET_MS} ms on every page: ${verdict(worst < TARGET_MS)}`,
    );
  } else {
    print('chromium: no figures (see errors above)');
  }
}
