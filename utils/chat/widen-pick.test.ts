import { describe, expect, it } from 'vitest';
import { loadDocument, ownFixture } from '@/tests/helpers/load-page';
import { repeatedRows, widenPick } from '@/utils/chat/widen-pick';

describe('widenPick', () => {
  const doc = loadDocument(ownFixture('chat/generic-a.html'), 'https://market.m.taobao.com/app/shop-service/index.html');
  const list = doc.getElementById('conv')!;

  it('widens a click on a bubble or row of a list that does not scroll to the list', () => {
    expect(widenPick(list.querySelector('.row--self .bubble p')!)).toBe(list);
    expect(widenPick(list.querySelector('.row--other')!)).toBe(list);
  });

  it('keeps a pick that already is the list', () => {
    expect(widenPick(list)).toBe(list);
    expect(repeatedRows(list)).toBeGreaterThanOrEqual(5);
  });

  it('keeps the element when nothing above it looks like a list', () => {
    const lone = loadDocument(ownFixture('chat/generic-a.html'), 'https://x.example/');
    const top = lone.querySelector('.top .shop-name')!;
    lone.querySelector('#conv')!.remove();
    expect(widenPick(top)).toBe(top);
  });
});
