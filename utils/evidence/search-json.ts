import type { SearchContextResult } from '@/utils/model/search-context';

// search.json: the search results page a run started from, as the page's badges judged it, so a
// listing found through it can be traced back to the search (contract §6.1, context capture).

export interface SearchJsonInput {
  captureId: string;
  capturedAt: string;
  investigator: string;
  requestedUrl: string;
  finalUrl: string;
  pageTitle: string;
  keyword?: string;
  runId?: string;
  results: SearchContextResult[];
}

export function buildSearchJson(input: SearchJsonInput) {
  return {
    format: 'listingproof-search',
    formatVersion: 1,
    captureId: input.captureId,
    capturedAt: input.capturedAt,
    investigator: input.investigator,
    url: { requested: input.requestedUrl, final: input.finalUrl },
    pageTitle: input.pageTitle,
    keyword: input.keyword ?? '',
    runId: input.runId ?? '',
    results: input.results,
  };
}

export function searchJsonText(input: SearchJsonInput): string {
  return `${JSON.stringify(buildSearchJson(input), null, 2)}\n`;
}
