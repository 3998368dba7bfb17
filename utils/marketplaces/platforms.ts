import type { PlatformFacts } from '@/utils/marketplaces/platform-facts';
import { jdPlatform } from '@/utils/marketplaces/jd/platform';
import { pddPlatform } from '@/utils/marketplaces/pdd/platform';
import { taobaoPlatform } from '@/utils/marketplaces/taobao/platform';
import { tmallPlatform } from '@/utils/marketplaces/tmall/platform';
import type { Platform } from '@/utils/model/listing';

// The marketplaces, in one place: the platform list of the models, list aliases, host and item
// link rules all come from here. The adapter registry (registry.ts) holds the same ids in the
// same order; the conformance test checks it.

export const PLATFORM_IDS = ['taobao', 'tmall', 'jd', 'pdd'] as const;

export const PLATFORM_FACTS: Record<(typeof PLATFORM_IDS)[number], PlatformFacts> = {
  taobao: taobaoPlatform,
  tmall: tmallPlatform,
  jd: jdPlatform,
  pdd: pddPlatform,
};

const FACTS = PLATFORM_IDS.map((id) => PLATFORM_FACTS[id]);

/** The platform whose pages live on this host, or undefined. */
export function platformOfHostname(host: string): Platform | undefined {
  return FACTS.find((f) => f.isHost(host.toLowerCase()))?.id;
}

/** The platform a written name stands for: an id in any case, or an alias (天猫). */
export function platformFromName(name: string): Platform | undefined {
  const s = name.trim();
  return FACTS.find((f) => f.id === s.toLowerCase() || f.aliases.includes(s))?.id;
}

/** The item id in a link to an item page of any marketplace (`//host/...` accepted), or ''. */
export function itemIdFromAnyLink(link: string | undefined): string {
  if (!link) return '';
  let url: URL;
  try {
    url = new URL(link.startsWith('//') ? `https:${link}` : link);
  } catch {
    return '';
  }
  for (const f of FACTS) {
    const id = f.itemIdFromLink(url);
    if (id) return id;
  }
  return '';
}
