import { describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { loadDocument, ownFixture } from '@/tests/helpers/load-page';
import { taobaoAdapter } from '@/utils/marketplaces/taobao/adapter';
import { SearchSession } from '@/utils/content/search-session';
import { ResultPicks, itemsToCapture } from '@/utils/content/result-picks';
import type { LocalVerdicts } from '@/utils/content/local-verdicts';
import type { VerdictQuery } from '@/utils/messaging/schemas';
import type { Verdict } from '@/utils/model/capture';

const URL_ = 'https://s.taobao.com/search?q=XR-200';
vi.stubGlobal('DOMParser', new JSDOM('').window.DOMParser);

// no digest: every result is judged by the background, here one per flagged kind and the rest clean
const noDigest = { prepare: () => Promise.resolve(), reset: () => {}, sampleKeyword: () => undefined, judge: () => undefined } as unknown as LocalVerdicts;
const FLAGS: Verdict[] = [
  { seller: 'unauthorized', price: 'ok' },
  { seller: 'expired', price: 'ok' },
  { seller: 'authorized', price: 'below-min' },
];
const requestVerdicts = async (qs: VerdictQuery[]) => qs.map((_, i): Verdict => FLAGS[i] ?? { seller: 'authorized', price: 'ok' });

async function searchPage() {
  const doc = loadDocument(ownFixture('taobao/search-2025.html'), URL_);
  let changes = 0;
  // jsdom's events are never trusted: here every change counts as the person's
  const picks = new ResultPicks(
    () => (changes += 1),
    () => true,
  );
  const session = new SearchSession(taobaoAdapter, { requestVerdicts, local: noDigest, lang: 'en', picks });
  const refresh = () => session.refresh(doc, new URL(URL_));
  const first = await refresh();
  const boxes = () => [...doc.querySelectorAll<HTMLInputElement>('[data-testid="result-badge"] > [data-testid="result-pick"]')];
  const tick = (box: HTMLInputElement, on: boolean) => {
    box.checked = on;
    box.dispatchEvent(new doc.defaultView!.Event('change', { bubbles: true }));
  };
  return { doc, first, refresh, boxes, tick, changes: () => changes };
}

const itemOf = (box: HTMLInputElement) => box.parentElement!.getAttribute('data-item-id');

describe('ticking flagged results', () => {
  it('gives flagged results a labelled tick box and clean ones none', async () => {
    const { doc, first, boxes } = await searchPage();
    expect(first.flagged).toHaveLength(3);
    expect(first.total).toBeGreaterThan(3);
    expect(boxes().map(itemOf)).toEqual(first.flagged!.map((f) => f.itemId));
    expect(boxes().every((b) => b.getAttribute('aria-label') === 'capture this one' && !b.checked)).toBe(true);
    const clean = [...doc.querySelectorAll('[data-testid="result-badge"][data-seller="authorized"][data-price="ok"]')];
    expect(clean.length).toBe(first.total - 3);
    expect(clean.every((b) => b.querySelector('[data-testid="result-pick"]') === null && b.textContent === 'Authorized')).toBe(true);
  });

  it('captures every flagged result with none ticked, exactly the ticked ones with some, and all again once unticked', async () => {
    const { first, refresh, boxes, tick, changes } = await searchPage();
    expect(first.picked).toEqual([]);
    expect(itemsToCapture(first)).toEqual(first.flagged);

    const [a, b, c] = boxes();
    tick(a!, true);
    tick(c!, true);
    expect(changes()).toBe(2);
    const ticked = await refresh();
    expect(itemsToCapture(ticked).map((i) => i.itemId)).toEqual([itemOf(a!), itemOf(c!)]);
    // a re-judged page keeps the ticks on its badges
    expect(boxes().map((x) => x.checked)).toEqual([true, false, true]);
    expect(b!.checked).toBe(false);

    tick(a!, false);
    tick(c!, false);
    const none = await refresh();
    expect(none.picked).toEqual([]);
    expect(itemsToCapture(none)).toEqual(none.flagged);
    expect(none.flagged).toHaveLength(3);
  });

  it('undoes a change a page script makes to a tick box', async () => {
    const doc = loadDocument(ownFixture('taobao/search-2025.html'), URL_);
    const picks = new ResultPicks(() => {});
    const session = new SearchSession(taobaoAdapter, { requestVerdicts, local: noDigest, lang: 'zh', picks });
    const summary = await session.refresh(doc, new URL(URL_));
    const box = doc.querySelector<HTMLInputElement>('[data-testid="result-pick"]')!;
    expect(box.getAttribute('aria-label')).toBe('只取证勾选的');
    box.checked = true;
    box.dispatchEvent(new doc.defaultView!.Event('change'));
    expect(box.checked).toBe(false);
    expect(picks.among(summary.flagged!)).toEqual([]);
  });
});
