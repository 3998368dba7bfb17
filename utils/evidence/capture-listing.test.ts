import { afterEach, describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import { captureListing, type CaptureListingDeps, type CaptureListingInput, type CaptureProgress } from '@/utils/evidence/capture-listing';
import { CaptureStepError } from '@/utils/evidence/capture-step-error';
import { sha256Hex } from '@/utils/evidence/hash';
import type { PageRequests } from '@/utils/evidence/page-requests';
import { captureRecordSchema } from '@/utils/model/capture';
import { fakeClock, fakePngDataUrl, sampleListing } from '@/tests/helpers/evidence-fakes';

const dbs: ListingProofDatabase[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.delete()));

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9]);

function setup(overrides: { page?: Partial<PageRequests>; deps?: Partial<CaptureListingDeps> } = {}) {
  const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
  dbs.push(db);
  const clock = fakeClock();
  const log: string[] = [];
  const shotTimes: number[] = [];
  let y = 0;
  const page: PageRequests = {
    hideUi: async () => void log.push('hideUi'),
    showUi: async () => void log.push('showUi'),
    serializeDom: async () => (log.push('serializeDom'), '<!DOCTYPE html>\n<html><body>页面</body></html>'),
    addRenderImage: async (url, dataUrl) => void log.push(`image ${url} ${dataUrl.slice(0, 15)}`),
    loadRenderer: async () => void log.push('loadRenderer'),
    renderFullPage: async () => (
      log.push('render'),
      [{ dataUrl: fakePngDataUrl(1280, 3000, 'full'), width: 1280, height: 3000, note: 'html2canvas-pro re-render' }]
    ),
    scrollTo: async (to) => ((y = Math.min(to, 3000 - 720)), log.push(`scroll ${to}`), y),
    metrics: async () => ({
      viewportWidth: 1280,
      viewportHeight: 720,
      devicePixelRatio: 1,
      scrollWidth: 1280,
      scrollHeight: 3000,
      scrollX: 0,
      scrollY: 0,
      crossOriginImages: ['https://img.alicdn.com/page.jpg'],
    }),
    hideFixedAndSticky: async () => void log.push('hideFixed'),
    ...overrides.page,
  };
  let uuid = 0;
  const deps: CaptureListingDeps = {
    captureVisibleTab: async (windowId) => (shotTimes.push(clock.now()), log.push(`shot w${windowId}`), fakePngDataUrl(1280, 720, `y${y}`)),
    saveAsMHTML: async ({ tabId }) => new Blob([`MHTML of tab ${tabId}`], { type: 'multipart/related' }),
    requestFromPage: page,
    fetch: async (url) =>
      url.includes('missing') ? new Response('', { status: 404 }) : new Response(JPEG.slice(), { headers: { 'content-type': 'image/jpeg' } }),
    environment: async () => ({
      userAgent: 'ua',
      browser: 'Chrome 131',
      extensionVersion: '0.1.0',
      os: 'Linux',
      timeZone: 'Asia/Shanghai',
      language: 'zh-CN',
      viewport: { width: 1280, height: 720, devicePixelRatio: 1 },
    }),
    now: () => new Date('2026-11-23T13:05:03.123Z'),
    randomUUID: () => `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`,
    db,
    clock,
    ...overrides.deps,
  };
  return { db, deps, log, shotTimes, clock };
}

function input(over: Partial<CaptureListingInput> = {}): CaptureListingInput {
  return {
    tabId: 17,
    windowId: 3,
    requestedUrl: 'https://detail.tmall.com/item.htm?id=750123456781&spm=x',
    finalUrl: 'https://detail.tmall.com/item.htm?id=750123456781',
    pageTitle: 'Acme XR-200 降噪耳机-tmall.com天猫',
    extraction: {
      listing: sampleListing(),
      sources: { itemId: 'url', title: 'state', prices: 'dom' },
      warnings: ['sales text missing'],
      extractorVersion: 'tmall@3',
    },
    verdict: { seller: 'unauthorized', price: 'below-min', listId: 'list-1', listUpdatedAt: '2026-11-01T00:00:00Z', productCode: 'XR-200', minPrice: '269.00' },
    investigator: 'Li Wei',
    lowestPrice: '199.00',
    options: { stitched: false },
    ...over,
  };
}

describe('captureListing', () => {
  it('produces every artifact with the hash of its stored bytes, in one stored record', async () => {
    const { db, deps, log } = setup();
    const events: CaptureProgress[] = [];
    const record = await captureListing(deps, input(), (p) => events.push(p));

    expect(captureRecordSchema.parse(record)).toEqual(record);
    expect(record.artifacts.map((a) => [a.path, a.method])).toEqual([
      ['viewport.png', 'captureVisibleTab'],
      ['full-page.png', 'html2canvas-pro'],
      ['page.mhtml', 'pageCapture.saveAsMHTML'],
      ['page.html', 'dom-serializer'],
      ['listing.json', 'extractor'],
      ['images/01.jpg', 'extension-fetch'],
      ['images/02.jpg', 'extension-fetch'], // named by the served type, not the URL
    ]);
    for (const a of record.artifacts) {
      const stored = await db.artifactBlobs.get(`${record.id}/${a.path}`);
      expect(await sha256Hex(stored!.data), a.path).toBe(a.sha256);
      expect(stored!.data.size).toBe(a.bytes);
    }
    expect(await db.captures.get(record.id)).toEqual(record);
    // Our panel is hidden first; the page source is saved and the page's cross-origin image and
    // the renderer handed over before the render touches the page; then the page is restored.
    expect(log[0]).toBe('hideUi');
    expect(log).toContain('shot w3');
    const at = (entry: string) => log.indexOf(entry);
    expect(at('image https://img.alicdn.com/page.jpg data:image/jpeg')).toBeGreaterThan(0);
    for (const before of ['serializeDom', 'loadRenderer', 'image https://img.alicdn.com/page.jpg data:image/jpeg'])
      expect(at(before), before).toBeLessThan(at('render'));
    expect(at('render')).toBeLessThan(at('showUi'));
    expect(events.map((e) => `${e.step} ${e.done}/${e.total}`)).toEqual([
      'viewport 0/7',
      'full-page 1/7',
      'page-source 2/7',
      'data 3/7',
      'images 4/7',
      'hashing 5/7',
      'storing 6/7',
      'storing 7/7',
    ]);
    expect(record).toMatchObject({
      url: input().requestedUrl,
      finalUrl: input().finalUrl,
      price: { lowest: '199.00', currency: 'CNY' },
      shop: { name: 'Acme 耳机 专卖店', id: '100200300', sellerId: '2200001' },
      capturedAt: '2026-11-23T' + record.capturedAt.slice(11),
      investigator: 'Li Wei',
      extractorVersion: 'tmall@3',
    });
    expect(record.capturedAt).toMatch(/[+-]\d\d:\d\d$/);
    expect(record.warnings).toContain('extractor: sales text missing');
    expect((await db.cases.get(record.caseId))!.shopKey).toBe('100200300');
  });

  it('writes listing.json from the input: fields, sources, shown prices and the verdict with its list', async () => {
    const { db, deps } = setup();
    const record = await captureListing(deps, input());
    const blob = await db.artifactBlobs.get(`${record.id}/listing.json`);
    const json = JSON.parse(await blob!.data.text());
    const inp = input();
    expect(json).toMatchObject({
      captureId: record.id,
      capturedAt: record.capturedAt,
      url: { requested: inp.requestedUrl, final: inp.finalUrl },
      itemId: '750123456781',
      prices: { currency: 'CNY', shown: { list: '299.00', promo: '219.00-239.00', coupon: '199.00' }, lowest: '199.00' },
      verdict: inp.verdict,
      extractor: { version: 'tmall@3', sources: inp.extraction.sources, warnings: inp.extraction.warnings },
    });
    expect(json.listing).toEqual(inp.extraction.listing);
  });

  it('captures a search results page as kind search: search.json instead of listing.json, in no case', async () => {
    const { db, deps } = setup();
    const results = [
      {
        platform: 'taobao' as const,
        itemId: '781234567890',
        title: 'XR-200',
        shopName: '极光数码专营店',
        price: '199.00',
        verdict: { seller: 'unauthorized' as const, price: 'below-min' as const },
      },
    ];
    const listing = {
      platform: 'taobao' as const,
      itemId: '',
      url: 'https://s.taobao.com/search?q=xr200',
      title: 'xr200',
      shop: { name: '' },
      prices: {},
      skus: [],
      images: [],
    };
    const source = { runId: 'run-1', kind: 'search' as const, itemKey: '', role: 'context' as const, keyword: 'xr200' };
    const record = await captureListing(
      deps,
      input({ extraction: { listing, sources: {}, warnings: [], extractorVersion: 'search-results' }, lowestPrice: '', searchResults: results, source }),
    );
    expect(record).toMatchObject({ kind: 'search', caseId: '', itemId: '', title: 'xr200', source });
    expect(record.artifacts.map((a) => a.path)).toContain('search.json');
    expect(record.artifacts.map((a) => a.path)).not.toContain('listing.json');
    const json = JSON.parse(await (await db.artifactBlobs.get(`${record.id}/search.json`))!.data.text());
    expect(json).toMatchObject({ format: 'listingproof-search', captureId: record.id, keyword: 'xr200', runId: 'run-1', results });
    expect(await db.cases.count()).toBe(0);
  });

  it('leaves the product images out when the setting is off, and says so', async () => {
    const { deps } = setup();
    const record = await captureListing(deps, input({ options: { stitched: false, productImages: false } }));
    expect(record.artifacts.some((a) => a.path.startsWith('images/'))).toBe(false);
    expect(record.warnings).toContain('product images not fetched: turned off in the settings');
  });

  it('makes a stitched series when asked, keeping captureVisibleTab >= 500 ms apart', async () => {
    const { deps, log, shotTimes } = setup();
    const record = await captureListing(deps, input({ options: { stitched: true } }));
    expect(record.artifacts.filter((a) => a.method === 'stitched-captureVisibleTab').map((a) => a.path)).toEqual([
      'full-tiles/01.png',
      'full-tiles/02.png',
      'full-tiles/03.png',
      'full-tiles/04.png',
      'full-tiles/05.png',
    ]);
    expect(record.artifacts.some((a) => a.path.startsWith('full-page'))).toBe(false);
    expect(shotTimes).toHaveLength(6);
    for (let i = 1; i < shotTimes.length; i++) expect(shotTimes[i]! - shotTimes[i - 1]!).toBeGreaterThanOrEqual(500);
    expect(log.indexOf('hideFixed')).toBeGreaterThan(log.indexOf('shot w3'));
    // The page source is saved before the first scroll of the stitched series.
    expect(log.indexOf('serializeDom')).toBeLessThan(log.findIndex((e) => e.startsWith('scroll')));
  });

  it('names split full-page parts and falls back to tiles when html2canvas fails', async () => {
    const split = setup({
      page: {
        renderFullPage: async () => [1, 2].map((i) => ({ dataUrl: fakePngDataUrl(1280, 32767, `p${i}`), width: 1280, height: 32767, note: `part ${i}/2` })),
      },
    });
    const r1 = await captureListing(split.deps, input());
    expect(r1.artifacts.filter((a) => a.method === 'html2canvas-pro').map((a) => [a.path, a.note])).toEqual([
      ['full-page-1.png', 'part 1/2'],
      ['full-page-2.png', 'part 2/2'],
    ]);

    const failing = setup({ page: { renderFullPage: () => Promise.reject(new Error('Unable to parse color')) } });
    const r2 = await captureListing(failing.deps, input());
    expect(r2.artifacts.some((a) => a.path === 'full-tiles/01.png')).toBe(true);
    expect(r2.warnings.join('\n')).toMatch(/html2canvas-pro failed \(Unable to parse color\)/);
  });

  it('warns, not fails, for a missing MHTML (Firefox) and a missing image', async () => {
    const { deps } = setup({ deps: { saveAsMHTML: undefined } });
    const listing = sampleListing({ images: ['https://img.alicdn.com/a.jpg', 'https://img.alicdn.com/missing.jpg'] });
    const record = await captureListing(deps, input({ extraction: { ...input().extraction, listing } }));
    expect(record.artifacts.map((a) => a.path)).toEqual(['viewport.png', 'full-page.png', 'page.html', 'listing.json', 'images/01.jpg']);
    expect(record.warnings.join('\n')).toMatch(/no pageCapture/);
    expect(record.warnings.join('\n')).toMatch(/image 2 not saved .*HTTP 404/);
  });

  it('fails a required step by name, restores the page and stores nothing', async () => {
    const viewport = setup({ deps: { captureVisibleTab: () => Promise.reject(new Error('Tabs cannot be edited right now')) } });
    const e1 = await captureListing(viewport.deps, input()).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(CaptureStepError);
    expect((e1 as CaptureStepError).step).toBe('viewport');
    expect((e1 as Error).message).toBe('viewport: Tabs cannot be edited right now');
    expect(viewport.log).toContain('showUi');

    const source = setup({ deps: { saveAsMHTML: undefined }, page: { serializeDom: () => Promise.reject(new Error('detached')) } });
    const e2 = await captureListing(source.deps, input()).catch((e: unknown) => e);
    expect((e2 as CaptureStepError).step).toBe('page-source');

    const env = setup({ deps: { environment: () => Promise.reject(new Error('no tab')) } });
    const e3 = await captureListing(env.deps, input()).catch((e: unknown) => e);
    expect((e3 as CaptureStepError).step).toBe('data');

    for (const { db } of [viewport, source, env]) {
      expect(await db.captures.count()).toBe(0);
      expect(await db.artifactBlobs.count()).toBe(0);
      expect(await db.cases.count()).toBe(0);
    }
  });
});
