import type { Platform } from '@/utils/model/listing';
import { CHAT_PAGE_MATCHES } from '@/utils/marketplaces/hosts';
import { matchesPattern } from '@/utils/marketplaces/match-pattern';
import { taobaoMatches } from '@/utils/marketplaces/taobao/matches';
import { tmallMatches } from '@/utils/marketplaces/tmall/matches';
import { jdMatches } from '@/utils/marketplaces/jd/matches';
import { pddMatches } from '@/utils/marketplaces/pdd/matches';

// Which content script (entrypoints/<id>.content.ts, built to content-scripts/<id>.js) the
// background injects into a marketplace page: the chat script on chat pages, else the listing
// script of the platform whose patterns match.
export const LISTING_SCRIPTS: { id: Platform; matches: string[] }[] = [
  { id: 'taobao', matches: taobaoMatches },
  { id: 'tmall', matches: tmallMatches },
  { id: 'jd', matches: jdMatches },
  { id: 'pdd', matches: pddMatches },
];

/** The script file for `href`, or undefined when none of ours runs there. */
export function pageScriptFor(href: string): `/content-scripts/${Platform | 'chat'}.js` | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (CHAT_PAGE_MATCHES.some((p) => matchesPattern(p, url))) return '/content-scripts/chat.js';
  const script = LISTING_SCRIPTS.find((s) => s.matches.some((p) => matchesPattern(p, url)));
  return script ? `/content-scripts/${script.id}.js` : undefined;
}
