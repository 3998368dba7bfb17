import { MatchPattern } from '@webext-core/match-patterns';

// Chrome match patterns (`https://*.taobao.com/*`) tested against a URL, for choosing an adapter
// where the manifest's own matching is not in play (scripts injected on demand, tests). Parsed
// once per pattern: the background asks on every tab update.

const parsed = new Map<string, MatchPattern>();

export function matchesPattern(pattern: string, url: URL): boolean {
  let p = parsed.get(pattern);
  if (!p) parsed.set(pattern, (p = new MatchPattern(pattern)));
  // a string: the library checks `instanceof Location`, which workers and Node do not define
  return p.includes(url.href);
}
