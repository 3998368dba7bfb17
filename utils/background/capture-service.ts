import { browser } from '#imports';
import type { Table } from 'dexie';
import { database, type ListingProofDatabase } from '@/utils/db/database';
import type { CaptureRecord } from '@/utils/model/capture';
import type { CaptureSource } from '@/utils/model/capture-source';
import { captureListing, type CaptureListingInput } from '@/utils/evidence/capture-listing';
import { captureVisibleTabPng, extensionApis, pageCaptureSaveAsMhtml } from '@/utils/evidence/browser-apis';
import { collectExtensionEnvironment, combineEnvironment } from '@/utils/evidence/environment';
import { appendCustody } from '@/utils/evidence/custody';
import { messaging } from '@/utils/messaging/protocol';
import type { ContentStartCapture } from '@/utils/messaging/schemas';
import { listingSchema, type ListingSources, type Platform } from '@/utils/model/listing';
import type { SearchContextResult } from '@/utils/model/search-context';
import { formatFen, lowestPriceFen } from '@/utils/marketplaces/price';
import { toQuery } from '@/utils/content/listing-session';
import { verdictsFor } from '@/utils/background/verdict-service';
import { pageProxy } from '@/utils/background/page-proxy';
import { captureImageFetch } from '@/utils/background/image-fetch';
import { loadSettings } from '@/utils/settings/settings';
import { ensureKey } from '@/utils/trust/investigator-key';
import { sealSha256Of } from '@/utils/trust/seal';
import { stampSoon } from '@/utils/background/timestamp-service';
import { lockerAfterCapture } from '@/utils/background/locker-service';

const running = new Set<number>();

/**
 * captureVisibleTab shoots whatever tab is visible in the window: if the user switched or closed
 * the tab mid-capture, that would be another page. Check before and after, and fail instead.
 */
export async function screenshotOfTab(tabId: number, windowId: number): Promise<string> {
  const visible = async () => {
    const t = await browser.tabs.get(tabId).catch(() => undefined);
    if (!t?.active || t.windowId !== windowId) throw new Error('the tab was closed or is no longer the visible one');
  };
  await visible();
  const png = await captureVisibleTabPng(windowId);
  await visible();
  return png;
}

/** What the runner adds to a capture: its source, and a write in the storing transaction. */
export interface RunCaptureHooks {
  source: CaptureSource;
  alsoWrites: Table[];
  /** runs inside the storing transaction, after the custody entry */
  onStored(db: ListingProofDatabase, record: CaptureRecord): Promise<void>;
}

/**
 * Runs one capture for the tab that asked. The listing is re-validated and the verdict recomputed
 * here: the content script's view is only a request, the record is the background's.
 */
export async function captureForTab(
  data: ContentStartCapture,
  tab: { id: number; windowId: number; url: string },
  run?: RunCaptureHooks,
): Promise<{ evidenceId: string }> {
  const listing = listingSchema.parse(data.extraction.listing);
  const [verdict] = await verdictsFor([toQuery(listing)]);
  const page: PageInput = {
    requestedUrl: data.requestedUrl,
    pageTitle: data.pageTitle,
    extraction: {
      listing,
      sources: data.extraction.sources as ListingSources,
      warnings: data.extraction.warnings,
      extractorVersion: data.extraction.extractorVersion,
    },
    verdict: verdict ?? { seller: 'unknown', price: 'unknown' },
    lowestPrice: formatFen(lowestPriceFen(listing)),
  };
  return captureInTab(page, tab, run, true);
}

/**
 * Captures a search results page as a run's context (kind `search`, no case): the same
 * screenshots, page source, seal and timestamp as a listing, with search.json for its results.
 */
export async function captureSearchPageForRun(
  search: { platform: Platform; pageTitle: string; keyword?: string; results: SearchContextResult[] },
  tab: { id: number; windowId: number; url: string },
  run: RunCaptureHooks,
): Promise<{ evidenceId: string }> {
  // A stand-in listing: the record's fields for a page that is no one listing (no item, no shop).
  const listing = {
    platform: search.platform,
    itemId: '',
    url: tab.url,
    title: search.keyword || search.pageTitle || tab.url,
    shop: { name: '' },
    prices: {},
    skus: [],
    images: [],
  };
  const page: PageInput = {
    requestedUrl: tab.url,
    pageTitle: search.pageTitle,
    extraction: { listing, sources: {}, warnings: [], extractorVersion: 'search-results' },
    verdict: { seller: 'unknown', price: 'unknown' },
    lowestPrice: '',
    searchResults: search.results,
  };
  return captureInTab(page, tab, run, false);
}

type PageInput = Pick<CaptureListingInput, 'requestedUrl' | 'pageTitle' | 'extraction' | 'verdict' | 'lowestPrice' | 'searchResults'>;

async function captureInTab(
  input: PageInput,
  tab: { id: number; windowId: number; url: string },
  run: RunCaptureHooks | undefined,
  showProgress: boolean,
): Promise<{ evidenceId: string }> {
  if (running.has(tab.id)) throw new Error('A capture is already running in this tab.');
  running.add(tab.id);
  try {
    const settings = await loadSettings();
    const key = await ensureKey(database(), settings.investigator);
    const page = pageProxy(tab.id);
    const pageEnv = await page.environment();
    const progress = (p: { step: string; done: number; total: number }) =>
      showProgress && void messaging.sendMessage('tabCaptureProgress', { state: 'running', ...p }, { tabId: tab.id, frameId: 0 }).catch(() => {});
    const record = await captureListing(
      {
        captureVisibleTab: (windowId) => screenshotOfTab(tab.id, windowId),
        saveAsMHTML: pageCaptureSaveAsMhtml(),
        requestFromPage: page,
        fetch: captureImageFetch(input.extraction.listing.platform, tab.url),
        environment: async () => combineEnvironment(pageEnv, await collectExtensionEnvironment(extensionApis())),
        now: () => new Date(),
        randomUUID: () => crypto.randomUUID(),
        db: database(),
        onStored: async (db, rec) => {
          await appendCustody(db, {
            event: 'capture',
            captureId: rec.id,
            actor: settings.investigator,
            detail: `captured ${rec.url}; seal.json sha256 ${sealSha256Of(rec)}`,
          });
          if (run) await run.onStored(db, rec);
        },
        alsoWrites: run?.alsoWrites,
        seal: { name: settings.investigator, org: settings.investigatorOrg, keyId: key.keyId },
      },
      {
        ...input,
        tabId: tab.id,
        windowId: tab.windowId,
        finalUrl: tab.url,
        investigator: settings.investigator,
        options: { stitched: settings.stitchedCapture, productImages: settings.captureImages },
        source: run?.source,
      },
      progress,
    );
    stampSoon(record.id);
    void lockerAfterCapture(record.id);
    return { evidenceId: record.id };
  } finally {
    running.delete(tab.id);
  }
}
