import type { SearchExtraction } from '@/utils/model/search-result';

// What every platform's blocked pages share. A rate-limit page ("抱歉由于访问频繁导致无法搜索，
// 请稍后再试！" on JD search) waits for the person like a captcha does, so it reads as `captcha`.

export const RATE_LIMIT_TEXT = ['访问频繁', '操作过于频繁', '内容太火爆'] as const;

export type BlockedState = 'login-required' | 'captcha';

/** True when the page's title or text carries a rate-limit notice. */
export function isRateLimited(doc: Document): boolean {
  const text = `${doc.title} ${doc.body?.textContent ?? ''}`;
  return RATE_LIMIT_TEXT.some((t) => text.includes(t));
}

/**
 * A search page with no results may be a login wall or a captcha instead: say which, so it is a
 * state and never an empty `ready`. The check runs only when nothing was recognised.
 */
export function blockedWhenEmpty(found: SearchExtraction, detect: () => BlockedState | undefined): SearchExtraction {
  if (found.results.length) return found;
  const blocked = detect();
  return blocked ? { ...found, blocked } : found;
}
