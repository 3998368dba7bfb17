import type { ListingProofDatabase } from '@/utils/db/database';
import { captureMhtml, type SaveAsMhtml } from '@/utils/evidence/capture-mhtml';
import { scheduleCaptures, realClock, type Clock } from '@/utils/evidence/capture-scheduler';
import { captureStitched } from '@/utils/evidence/capture-stitched';
import { CAPTURE_STEPS, CaptureStepError, errorMessage, type CaptureStep } from '@/utils/evidence/capture-step-error';
import { captureViewport, isScreenshotPermissionError, SCREENSHOT_PERMISSION_WARNING } from '@/utils/evidence/capture-viewport';
import { fetchImages, type FetchLike } from '@/utils/evidence/fetch-images';
import { prepareRender, renderFullPageFiles } from '@/utils/evidence/full-page-files';
import { PendingFiles } from '@/utils/evidence/pending-file';
import { listingJsonText, type ExtractionInput } from '@/utils/evidence/listing-json';
import { localIsoString } from '@/utils/evidence/local-time';
import type { PageCaptureMetrics, PageRequests } from '@/utils/evidence/page-requests';
import type { SentRenderImages } from '@/utils/evidence/render-images';
import { storeCapture, type StoreOptions } from '@/utils/evidence/store-capture';
import type { CaptureEnvironment, CaptureRecord, Verdict } from '@/utils/model/capture';
import type { CaptureSource } from '@/utils/model/capture-source';
import type { SearchContextResult } from '@/utils/model/search-context';
import { searchJsonText } from '@/utils/evidence/search-json';

// One click, one capture (background side): hide our panel -> viewport -> full page -> panel
// back; page source (MHTML + serialized DOM); listing.json; product images; SHA-256 of every
// artifact at capture time; one atomic store. A required step failing fails the capture with the
// step's name; optional ones (MHTML, single images) add warnings to the record.

export interface CaptureListingInput {
  tabId: number;
  windowId: number;
  requestedUrl: string;
  finalUrl: string;
  pageTitle: string;
  extraction: ExtractionInput;
  verdict: Verdict;
  investigator: string;
  /** lowest price a buyer pays now, yuan with two decimals ("" when unknown) */
  lowestPrice: string;
  /** productImages: fetch the listing's product images at full size (the `captureImages` setting; default on) */
  options: { stitched: boolean; productImages?: boolean };
  /** the run that made this capture (capture-flagged runner, re-check) */
  source?: CaptureSource;
  /** set for a search results page captured as a run's context: kind `search`, search.json instead of listing.json */
  searchResults?: SearchContextResult[];
}

export interface CaptureListingDeps {
  /** `browser.tabs.captureVisibleTab(windowId, { format: 'png' })` */
  captureVisibleTab(windowId: number): Promise<string>;
  /** `browser.pageCapture.saveAsMHTML`; undefined where the browser has none (Firefox) */
  saveAsMHTML?: SaveAsMhtml;
  requestFromPage: PageRequests;
  fetch: FetchLike;
  environment(): Promise<CaptureEnvironment>;
  /** wall clock, for the recorded times */
  now(): Date;
  randomUUID(): string;
  db: ListingProofDatabase;
  /** pacing of captureVisibleTab and retries; defaults to real time */
  clock?: Clock;
  /** custody hook, run inside the storing transaction */
  onStored?: StoreOptions['onStored'];
  /** who seals the capture (seal.json, §6.3) */
  seal?: StoreOptions['seal'];
  /** tables `onStored` writes besides the capture's own */
  alsoWrites?: StoreOptions['alsoWrites'];
}

export interface CaptureProgress {
  step: CaptureStep;
  /** steps finished before this one */
  done: number;
  total: number;
}

async function step<T>(name: CaptureStep, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof CaptureStepError) throw err;
    throw new CaptureStepError(name, errorMessage(err), { cause: err });
  }
}

export async function captureListing(
  deps: CaptureListingDeps,
  input: CaptureListingInput,
  onProgress: (p: CaptureProgress) => void = () => {},
): Promise<CaptureRecord> {
  const clock = deps.clock ?? realClock;
  const page = deps.requestFromPage;
  const total = CAPTURE_STEPS.length;
  const progress = (name: CaptureStep) => onProgress({ step: name, done: CAPTURE_STEPS.indexOf(name), total });
  const shot = scheduleCaptures(() => deps.captureVisibleTab(input.windowId), clock);
  const id = deps.randomUUID();
  const startedAt = localIsoString(deps.now());
  const files = new PendingFiles();
  const warnings = input.extraction.warnings.map((w) => `extractor: ${w}`);
  const environment = deps.environment();
  environment.catch(() => undefined); // awaited (and reported) at the data step
  let capturedAt = startedAt;
  // Product images come from the network, not the page: fetch them while the page is captured.
  const fetchProductImages = input.options.productImages ?? true;
  if (!fetchProductImages) warnings.push('product images not fetched: turned off in the settings');
  const productImages = fetchImages(deps.fetch, fetchProductImages ? input.extraction.listing.images : []);
  productImages.catch(() => undefined); // awaited (and reported) at the images step

  // The page source is saved from the start, beside the viewport shot and the preparation of the
  // full-page render (none of which changes the page) and before any scrolling; the page-source
  // step collects it.
  let source: ReturnType<typeof savePageSource> | undefined;
  const pageSource = () => (source ??= savePageSource(deps.saveAsMHTML, page, input.tabId, clock, files));
  let metrics: Promise<PageCaptureMetrics> | undefined;
  const pageMetrics = () => (metrics ??= page.metrics());
  let render: Promise<SentRenderImages> | undefined;
  const renderPrepared = () => (render ??= prepareRender(deps.fetch, page, pageMetrics()));

  try {
    progress('viewport');
    await step('viewport', async () => {
      await page.hideUi();
      // Started now, they overlap the shot; the image list is asked for first (see prepareRender).
      if (!input.options.stitched) void renderPrepared();
      void pageSource();
      try {
        const png = await captureViewport(shot);
        capturedAt = localIsoString(deps.now()); // the moment the evidence shows
        files.push({
          path: 'viewport.png',
          blob: png.blob,
          method: 'captureVisibleTab',
          note: `browser screenshot of the visible area, ${png.width}x${png.height} px`,
        });
      } catch (err) {
        if (!isScreenshotPermissionError(err)) throw err;
        // Without <all_urls> or an activeTab gesture Chromium refuses the browser's own pixels;
        // the capture goes on with the DOM re-render and says so, rather than failing.
        warnings.push(SCREENSHOT_PERMISSION_WARNING);
      }
    });

    progress('full-page');
    await step('full-page', async () => {
      const metrics = await pageMetrics();
      const stitched = async (): Promise<void> => {
        const series = await captureStitched(
          {
            captureVisibleTab: shot,
            scrollTo: (y) => page.scrollTo(y),
            sleep: (ms) => clock.sleep(ms),
            now: () => clock.now(),
            hideFixedAndSticky: page.hideFixedAndSticky?.bind(page),
          },
          { scrollHeight: metrics.scrollHeight, viewportHeight: metrics.viewportHeight },
        );
        warnings.push(...series.warnings);
        for (const t of series.tiles) files.push({ path: t.path, blob: t.blob, method: 'stitched-captureVisibleTab', note: t.note });
      };
      if (input.options.stitched && files.some((f) => f.method === 'captureVisibleTab')) {
        await pageSource();
        return stitched();
      }
      try {
        await renderFullPageFiles(page, renderPrepared(), pageSource(), files, warnings);
      } catch (err) {
        warnings.push(`full-page: html2canvas-pro failed (${errorMessage(err)}); a stitched series of browser screenshots was made instead`);
        await stitched();
      }
    });
  } finally {
    // After a failure the images may still be on their way; let them arrive before showUi
    // clears the page's copies, or they would outlive the capture there.
    await render?.catch(() => undefined);
    await page.showUi().catch((err: unknown) => warnings.push(`the page could not be restored after the screenshots: ${errorMessage(err)}`));
  }

  progress('page-source');
  await step('page-source', async () => {
    const [mhtml, dom] = await pageSource();
    warnings.push(...mhtml.warnings);
    if (dom.error !== undefined) warnings.push(`page.html not saved: ${dom.error}`);
    if (!mhtml.blob && !dom.blob) throw new Error(`neither MHTML nor the serialized DOM could be saved (${[...mhtml.warnings, dom.error].join('; ')})`);
    if (mhtml.blob) files.push({ path: 'page.mhtml', blob: mhtml.blob, method: 'pageCapture.saveAsMHTML' });
    if (dom.blob)
      files.push({
        path: 'page.html',
        blob: dom.blob,
        method: 'dom-serializer',
        note: 'the DOM as the page had it at capture time (XMLSerializer), our panel removed',
      });
  });

  progress('data');
  const env = await step('data', async () => {
    const text = input.searchResults
      ? searchJsonText({ ...input, captureId: id, capturedAt, keyword: input.source?.keyword, runId: input.source?.runId, results: input.searchResults })
      : listingJsonText({ ...input, captureId: id, capturedAt });
    files.push({
      path: input.searchResults ? 'search.json' : 'listing.json',
      blob: new Blob([text], { type: 'application/json' }),
      method: 'extractor',
      note: `extractor ${input.extraction.extractorVersion}`,
    });
    return environment;
  });

  progress('images');
  await step('images', async () => {
    const { images, warnings: imageWarnings } = await productImages;
    warnings.push(...imageWarnings);
    for (const img of images)
      files.push({ path: img.path, blob: new Blob([img.bytes], { type: img.mediaType }), method: 'extension-fetch', note: `fetched from ${img.fetchedUrl}` });
  });

  progress('hashing');
  const artifacts = await step('hashing', () => files.artifacts());

  progress('storing');
  const { listing } = input.extraction;
  const draft = {
    id,
    kind: input.searchResults ? ('search' as const) : ('listing' as const),
    platform: listing.platform,
    url: input.requestedUrl,
    finalUrl: input.finalUrl,
    pageTitle: input.pageTitle,
    itemId: listing.itemId,
    title: listing.title,
    shop: { name: listing.shop.name, id: listing.shop.id ?? '', sellerId: listing.shop.sellerId ?? '' },
    price: { lowest: input.lowestPrice, currency: 'CNY' as const },
    verdict: input.verdict,
    startedAt,
    capturedAt,
    investigator: input.investigator,
    extractorVersion: input.extraction.extractorVersion,
    environment: env,
    artifacts,
    warnings,
    ...(input.source ? { source: input.source } : {}),
  };
  const stored = await storeCapture(deps.db, draft, files.blobs(), {
    now: localIsoString(deps.now()),
    newCaseId: () => deps.randomUUID(),
    onStored: deps.onStored,
    seal: deps.seal,
    alsoWrites: deps.alsoWrites,
  });
  onProgress({ step: 'storing', done: total, total });
  return stored;
}

/** MHTML and the serialized DOM, together, each hashed once saved; neither throws (a failure becomes a reason). */
function savePageSource(saveAsMHTML: SaveAsMhtml | undefined, page: PageRequests, tabId: number, clock: Clock, files: PendingFiles) {
  return Promise.all([
    captureMhtml(saveAsMHTML, tabId, { sleep: (ms) => clock.sleep(ms) }).then((mhtml) => {
      if (mhtml.blob) void files.startHashing(mhtml.blob);
      return mhtml;
    }),
    page.serializeDom().then(
      (html) => {
        const blob = new Blob([html], { type: 'text/html' });
        void files.startHashing(blob);
        return { blob, error: undefined };
      },
      (err: unknown) => ({ blob: undefined, error: errorMessage(err) }),
    ),
  ]);
}
