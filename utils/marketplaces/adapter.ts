import type { ExtractionResult, PageKind, Platform } from '@/utils/model/listing';
import type { SearchExtraction } from '@/utils/model/search-result';

/**
 * One marketplace: URL patterns, a cheap page-kind detector and pure extractors.
 * Extractors read the document and URL only: no browser APIs, no mutation, never throw.
 */
export interface MarketplaceAdapter {
  id: Platform;
  /** stored on every capture so a later reader knows which rules produced the data */
  extractorVersion: string;
  /** content-script match patterns */
  matches: string[];
  /** domains (subdomains included) of the image CDN the background may fetch listing images from */
  imageHosts: readonly string[];
  /** URLs this adapter alone claims, per page kind it supports (the conformance test checks them) */
  exampleUrls: Partial<Record<PageKind, string[]>>;
  /** cheap: URL first, then at most a few querySelector calls; never throws */
  detectPage(doc: Document, url: URL): PageKind | null;
  extractListing(doc: Document, url: URL): ExtractionResult;
  extractSearchResults?(doc: Document, url: URL): SearchExtraction;
  /**
   * A few results in the shape of the current search page (our own markup, read as the first
   * `exampleUrls.search` URL): the content script reads them once before real results arrive,
   * so the first real ones run warm code. The conformance test checks they still extract.
   */
  searchSample?: string;
}
