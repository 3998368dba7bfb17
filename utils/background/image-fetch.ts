import { guardedImageFetch, type GuardedImageFetch } from '@/utils/evidence/guarded-image-fetch';
import type { ImageUrlRules } from '@/utils/evidence/image-url-rules';
import { ADAPTERS } from '@/utils/marketplaces/registry';
import type { Platform } from '@/utils/model/listing';

// One capture's image fetcher: the platform's CDN domains come from its adapter (the registry is
// the one source of platform knowledge), plus the origin of the page being captured.

export function imageRulesFor(platform: Platform, pageUrl: string): ImageUrlRules {
  const hostDomains = ADAPTERS.find((a) => a.id === platform)?.imageHosts ?? [];
  let pageOrigin: string | undefined;
  try {
    pageOrigin = new URL(pageUrl).origin;
  } catch {
    pageOrigin = undefined;
  }
  return { hostDomains, ...(pageOrigin && pageOrigin !== 'null' ? { pageOrigin } : {}) };
}

export function captureImageFetch(platform: Platform, pageUrl: string): GuardedImageFetch {
  return guardedImageFetch((url, init) => fetch(url, init), imageRulesFor(platform, pageUrl));
}
