import type { Verdict } from '@/utils/model/capture';
import type { SearchContextResult } from '@/utils/model/search-context';
import type { Platform, ListingSources, RemovedItem } from '@/utils/model/listing';

// What the in-page panel shows: derived from the latest extraction and verdict, nothing else.

export type PanelState = 'loading' | 'ready' | 'login-required' | 'captcha' | 'not-a-listing' | 'error' | 'removed';
export type CaptureUiState = 'idle' | 'running' | 'done' | 'failed';

export interface ListingView {
  platform: Platform;
  itemId: string;
  title: string;
  shopName: string;
  shopId: string;
  sellerId: string;
  /** yuan with two decimals, '' when unknown */
  lowestPrice: string;
  sources: ListingSources;
  warnings: string[];
}

export interface SearchSummaryView {
  total: number;
  unauthorized: number;
  belowMin: number;
  /** results the capture-flagged runner captures (contract §6.1), each item once, in page order */
  flagged?: { platform: Platform; itemId: string }[];
  /** the flagged results the investigator ticked (page state only); when any, a run captures just these */
  picked?: { platform: Platform; itemId: string }[];
  /** every recognised result with its badge, each item once: the run's context capture keeps them */
  results?: SearchContextResult[];
}

/** The capture-flagged run of this search page, as the background reports it. */
export interface RunView {
  runId: string;
  state: 'idle' | 'running' | 'paused' | 'done' | 'failed';
  done: number;
  total: number;
  /** paused on a login wall or captcha (not by the investigator) */
  blocked?: boolean;
}

export interface CaptureView {
  state: CaptureUiState;
  step?: string;
  evidenceId?: string;
  error?: string;
}

export interface PanelView {
  state: PanelState;
  kind: 'item' | 'search' | 'none';
  platform?: Platform;
  listing?: ListingView;
  verdict?: Verdict;
  search?: SearchSummaryView;
  /** a taken-down listing: what the URL still tells (contract §6.1) */
  removed?: RemovedItem;
  capture: CaptureView;
  /** the capture-flagged run started from this search page */
  run?: RunView;
  /** why the state is what it is, for people (not a data-* value) */
  detail?: string;
}

export const UNKNOWN_VERDICT: Verdict = { seller: 'unknown', price: 'unknown' };

export function initialView(): PanelView {
  return { state: 'loading', kind: 'none', capture: { state: 'idle' } };
}
