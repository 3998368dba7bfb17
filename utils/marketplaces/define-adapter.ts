import type { MarketplaceAdapter } from '@/utils/marketplaces/adapter';
import type { ExtractionResult, PageKind } from '@/utils/model/listing';
import type { SearchExtraction } from '@/utils/model/search-result';

/** An adapter's parts before the never-throw guard is put around them. */
export interface AdapterParts extends Omit<MarketplaceAdapter, 'detectPage' | 'extractListing' | 'extractSearchResults'> {
  detectPage(doc: Document, url: URL): PageKind | null;
  extractListing(doc: Document, url: URL): ExtractionResult;
  extractSearchResults?(doc: Document, url: URL): SearchExtraction;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Pages are hostile and change without notice: whatever an adapter's readers do, the content
 * script gets a result, never an exception. One guard here instead of one per adapter.
 */
export function defineAdapter(parts: AdapterParts): MarketplaceAdapter {
  const { detectPage, extractListing, extractSearchResults } = parts;
  return {
    ...parts,
    detectPage(doc, url) {
      try {
        return detectPage(doc, url);
      } catch {
        return null;
      }
    },
    extractListing(doc, url) {
      try {
        return extractListing(doc, url);
      } catch (e) {
        return { ok: false, reason: 'layout-changed', warnings: [`extractor error: ${message(e)}`] };
      }
    },
    ...(extractSearchResults
      ? {
          extractSearchResults(doc: Document, url: URL): SearchExtraction {
            try {
              return extractSearchResults(doc, url);
            } catch (e) {
              return { results: [], source: 'none', warnings: [`search extractor error: ${message(e)}`] };
            }
          },
        }
      : {}),
  };
}
