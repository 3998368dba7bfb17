import type { MarketplaceAdapter } from '@/utils/marketplaces/adapter';
import { jdAdapter } from '@/utils/marketplaces/jd/adapter';
import { pddAdapter } from '@/utils/marketplaces/pdd/adapter';
import { taobaoAdapter } from '@/utils/marketplaces/taobao/adapter';
import { tmallAdapter } from '@/utils/marketplaces/tmall/adapter';
import type { PageKind } from '@/utils/model/listing';

// Every adapter is registered here, once; the conformance test fails for one that is not.
export const ADAPTERS: MarketplaceAdapter[] = [taobaoAdapter, tmallAdapter, jdAdapter, pddAdapter];

/** The adapter that claims this URL and the kind of page it is, or null. */
export function routePage(doc: Document, url: URL): { adapter: MarketplaceAdapter; kind: PageKind } | null {
  for (const adapter of ADAPTERS) {
    try {
      const kind = adapter.detectPage(doc, url);
      if (kind) return { adapter, kind };
    } catch {
      // detectPage must not throw; a faulty one must not hide the others.
    }
  }
  return null;
}
