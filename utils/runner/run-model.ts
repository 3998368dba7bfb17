import type { Platform } from '@/utils/model/listing';
import type { SearchContextResult } from '@/utils/model/search-context';

// A run visits listings one at a time in a background tab and captures each: the flagged results
// of one search page, or every listing of the cases being re-checked. Both live in IndexedDB so a
// stopped service worker picks the run up where it was.

/** `paused`: by the investigator, or (`blockedTabId` set) while a login wall or captcha waits for them */
export const RUN_STATES = ['running', 'paused', 'done', 'failed', 'cancelled'] as const;
export type RunState = (typeof RUN_STATES)[number];

export const ITEM_STATES = ['pending', 'active', 'done', 'failed'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export interface RunRecord {
  id: string;
  kind: 'search' | 'recheck';
  state: RunState;
  createdAt: string;
  /** the search page the run came from (kind `search`) */
  searchUrl?: string;
  keyword?: string;
  /** what the search page showed (its results and badges), kept for its context capture */
  searchResults?: SearchContextResult[];
  /** the search page's own capture, made once before the first listing (kind `search`) */
  contextCaptureId?: string;
  /** why there is no context capture: a warning on the run, which goes on without it */
  contextWarning?: string;
  /** the tab of that search page: it is told the progress */
  searchTabId?: number;
  windowId?: number;
  /** the cases being re-checked (kind `recheck`) */
  caseIds?: string[];
  /** epoch ms before which the next listing is not opened (the pace) */
  nextAt: number;
  /** set while paused because this tab shows a login wall or captcha */
  blockedTabId?: number;
  finishedAt?: string;
}

export interface RunItemRecord {
  runId: string;
  seq: number;
  /** `platform:itemId` */
  itemKey: string;
  platform: Platform;
  itemId: string;
  url: string;
  state: ItemState;
  /** the case a re-check visits this listing for */
  caseId?: string;
  /** the tab opened for it while `active` */
  tabId?: number;
  attempts: number;
  evidenceId?: string;
  /** what the visit found: the listing live (a new capture) or taken down (a takedown proof) */
  outcome?: 'live' | 'removed';
  error?: string;
}

export const itemKeyOf = (platform: Platform, itemId: string) => `${platform}:${itemId}`;
