import type { FieldSource, Platform } from '@/utils/model/listing';

/** One result card on a search page; `element` is where a badge goes (absent in pure state reads). */
export interface SearchResult {
  platform: Platform;
  itemId: string;
  title: string;
  shopName?: string;
  shopId?: string;
  sellerId?: string;
  /** the price the card shows, in fen */
  priceFen?: number;
  element?: Element;
}

export interface SearchExtraction {
  results: SearchResult[];
  source: FieldSource | 'none';
  warnings: string[];
  /** set when the page recognised no result because it is a login wall or a captcha/rate limit */
  blocked?: 'login-required' | 'captcha';
}
