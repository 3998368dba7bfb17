import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension } from '@/tests/harness/browser';
import type { BenchPage } from '@/tests/bench/bench-pages';

// The same extraction in Chromium's real DOM, where the content script runs. The adapters are
// bundled with esbuild into one IIFE exposing routePage, injected into each fixture page (served at
// its real URL, no extension loaded) and timed there with performance.now() in batches.

export interface InPageTiming {
  kind: string;
  outcome: string;
  extractMs: number[];
  referenceMs: number[];
  elements: number;
}

const ROOT = resolve(import.meta.dirname, '../..');

async function bundleRegistry(): Promise<string> {
  const out = await build({
    stdin: { contents: "export { routePage } from '@/utils/marketplaces/registry';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: '__listingproofBench',
    platform: 'browser',
    target: 'chrome120',
    tsconfig: resolve(ROOT, 'tsconfig.json'),
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** Runs in the page: the batch timer of bench-utils, inlined because evaluate ships source text. */
async function measureInPage(page: Page): Promise<InPageTiming> {
  return page.evaluate(() => {
    type Extract = { ok?: boolean; reason?: string; results?: unknown[] };
    type Routed = { adapter: { extractListing(d: Document, u: URL): Extract; extractSearchResults?(d: Document, u: URL): Extract }; kind: string } | null;
    // The bundle's global, typed here by hand (this code runs in the page, not in node).
    const api = (window as unknown as { __listingproofBench: { routePage(d: Document, u: URL): Routed } }).__listingproofBench;
    const url = new URL(location.href);
    const routed = api.routePage(document, url);
    if (!routed) return { kind: 'none', outcome: 'not routed', extractMs: [], referenceMs: [], elements: 0 };
    const run =
      routed.kind === 'search' && routed.adapter.extractSearchResults
        ? () => routed.adapter.extractSearchResults!(document, url)
        : () => routed.adapter.extractListing(document, url);
    const first = run();
    const outcome = first.results ? `${first.results.length} results` : first.ok ? 'ok' : (first.reason ?? 'failed');
    const batches = (fn: () => void) => {
      for (let i = 0; i < 20; i++) fn();
      let t = performance.now();
      for (let i = 0; i < 10; i++) fn();
      const one = Math.max((performance.now() - t) / 10, 0.001);
      const per = Math.max(5, Math.min(2000, Math.floor(400 / 15 / one)));
      const out: number[] = [];
      for (let b = 0; b < 15; b++) {
        t = performance.now();
        for (let i = 0; i < per; i++) fn();
        out.push((performance.now() - t) / per);
      }
      return out;
    };
    const extractMs = batches(() => void run());
    const referenceMs = batches(() => void document.querySelectorAll('*').length);
    return { kind: routed.kind, outcome, extractMs, referenceMs, elements: document.querySelectorAll('*').length };
  });
}

export async function extractInChromium(pages: BenchPage[], onError: (page: BenchPage, err: unknown) => void): Promise<Map<string, InPageTiming>> {
  const bundle = await bundleRegistry();
  const server = await startFixtureServer(pages);
  const b = await launchWithExtension(server.port, { withExtension: false });
  const out = new Map<string, InPageTiming>();
  try {
    for (const p of pages) {
      const page = await b.context.newPage();
      try {
        // A blocked-state page may redirect itself (the Tmall punish page has a meta refresh):
        // cancel any other top-level navigation so the page measured is the fixture.
        await page.route('**/*', (route) =>
          route.request().isNavigationRequest() && route.request().frame() === page.mainFrame() && route.request().url() !== p.url
            ? route.abort('aborted')
            : route.fallback(),
        );
        await page.goto(p.url, { waitUntil: 'load', timeout: 20_000 });
        if (page.url() !== p.url) throw new Error(`the page navigated away to ${page.url()}`);
        // tsx compiles the evaluated function with esbuild's keepNames, which wraps inner
        // functions in a `__name(...)` helper that only exists in node: give the page a no-op one.
        const tag = await page.addScriptTag({ content: `${bundle};window.__name=window.__name||function(f){return f};` });
        // The adapters scan inline scripts for page state: our bundle must not stay among them.
        await tag.evaluate((el) => (el as Element).remove()); // addScriptTag hands back the <script> element
        out.set(p.url, await measureInPage(page));
      } catch (err) {
        onError(p, err);
      } finally {
        await page.close();
      }
    }
  } finally {
    await b.close();
    await server.close();
  }
  return out;
}
