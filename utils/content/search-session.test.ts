import { describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { loadDocument, ownFixture } from '@/tests/helpers/load-page';
import { taobaoAdapter } from '@/utils/marketplaces/taobao/adapter';
import { SearchSession } from '@/utils/content/search-session';
import type { LocalVerdicts } from '@/utils/content/local-verdicts';
import type { VerdictQuery } from '@/utils/messaging/schemas';
import type { Verdict } from '@/utils/model/capture';

const URL_ = 'https://s.taobao.com/search?q=XR-200';
const BADGES = '[data-testid="result-badge"]';

/** A digest that judges every shop named 极光数码专营店 unauthorized and others authorized, or nothing at all. */
function fakeLocal(judges: boolean) {
  const judged: VerdictQuery[] = [];
  const local = {
    prepare: () => Promise.resolve(),
    reset: () => {},
    sampleKeyword: () => (judges ? 'XR-200' : undefined),
    judge: (q: VerdictQuery): Verdict | undefined => {
      judged.push(q);
      if (!judges) return undefined;
      return { seller: q.shopName === '极光数码专营店' ? 'unauthorized' : 'authorized', price: 'ok' };
    },
  } as unknown as LocalVerdicts;
  return { local, judged };
}

// The content script's DOMParser, which the warm-up parses its sample with.
vi.stubGlobal('DOMParser', new JSDOM('').window.DOMParser);

const idle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('SearchSession', () => {
  it('judges results from the digest without a round trip, then warms up on its sample away from the page', async () => {
    const doc = loadDocument(ownFixture('taobao/search-2025.html'), URL_);
    const { local, judged } = fakeLocal(true);
    const requestVerdicts = vi.fn(async (qs: VerdictQuery[]) => qs.map((): Verdict => ({ seller: 'unknown', price: 'unknown' })));
    const session = new SearchSession(taobaoAdapter, { requestVerdicts, local, lang: 'en' });

    const summary = await session.refresh(doc, new URL(URL_));
    const badges = doc.querySelectorAll(BADGES).length;
    expect(badges).toBe(summary.total);
    expect(summary.unauthorized).toBe(1);
    expect(judged.every((q) => !q.title.startsWith('样例商品'))).toBe(true);

    await idle();
    // The warm-up read the adapter's sample many times, judged it, and left the page alone.
    const samples = judged.filter((q) => q.title.startsWith('样例商品'));
    expect(samples.length).toBeGreaterThanOrEqual(8 * 8);
    // Half name a product of the list, so the product path is warm too.
    expect(samples.filter((q) => q.title.endsWith(' XR-200')).length).toBe(samples.length / 2);
    expect(doc.querySelectorAll(BADGES).length).toBe(badges);
    expect(requestVerdicts).not.toHaveBeenCalled();
  });

  it('asks the background for what the digest cannot judge, but never for the warm-up sample', async () => {
    const doc = loadDocument(ownFixture('taobao/search-2025.html'), URL_);
    const { local } = fakeLocal(false);
    const requestVerdicts = vi.fn(async (qs: VerdictQuery[]) => qs.map((): Verdict => ({ seller: 'authorized', price: 'ok' })));
    const session = new SearchSession(taobaoAdapter, { requestVerdicts, local, lang: 'zh' });

    const summary = await session.refresh(doc, new URL(URL_));
    await idle();
    expect(requestVerdicts).toHaveBeenCalledTimes(1);
    const asked = requestVerdicts.mock.calls[0]![0];
    expect(asked).toHaveLength(summary.total);
    expect(asked.some((q) => q.title.startsWith('样例商品'))).toBe(false);
    expect([...doc.querySelectorAll(BADGES)].every((b) => b.textContent === '授权')).toBe(true);
  });
});
