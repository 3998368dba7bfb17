import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { snapshot, takedownListing } from '@/utils/content/listing-session';
import { jdAdapter } from '@/utils/marketplaces/jd/adapter';
import { taobaoAdapter } from '@/utils/marketplaces/taobao/adapter';
import { listingSchema } from '@/utils/model/listing';

// The panel's view of a taken-down page, and the listing its capture sends: the background
// re-validates it with listingSchema, so a takedown proof must pass it.

const fixture = (rel: string, url: string) => new JSDOM(readFileSync(new URL(`../../tests/fixtures/${rel}`, import.meta.url)), { url }).window.document;

describe('a taken-down listing in the panel', () => {
  it('is `removed` at once (no loading deadline), with the platform and item id', () => {
    const url = new URL('https://item.jd.com/100099887766.html');
    const snap = snapshot(jdAdapter, fixture('jd/removed-2026-itemover.html', url.href), url, 0);
    expect(snap.state).toBe('removed');
    expect(snap.listing).toBeUndefined();
    expect(snap.removed).toMatchObject({ platform: 'jd', itemId: '100099887766', shop: { id: '1000000127' } });
  });

  it('captures as a takedown proof the background accepts, with the shop where the page names it', () => {
    const url = new URL('https://item.jd.com/100099887766.html');
    const listing = takedownListing({ platform: 'jd', itemId: '100099887766', title: 'Acme XR-200', shop: { name: '', id: '1000000127' } }, url, 'ignored');
    expect(listingSchema.parse(listing)).toMatchObject({ takedown: true, title: 'Acme XR-200', shop: { id: '1000000127' }, prices: {}, images: [] });
    const bare = takedownListing(
      { platform: 'taobao', itemId: '790000009999' },
      new URL('https://item.taobao.com/item.htm?id=790000009999'),
      ' 淘宝网 - 宝贝不存在 ',
    );
    expect(listingSchema.parse(bare)).toMatchObject({ title: '淘宝网 - 宝贝不存在', shop: { name: '' }, takedown: true });
  });

  it('without an item id there is nothing to capture; without the takedown mark no shop is no listing', () => {
    expect(takedownListing({ platform: 'tmall' }, new URL('https://detail.tmall.com/auction/noitem.htm?type=1'), 'x')).toBeUndefined();
    const listing = takedownListing({ platform: 'taobao', itemId: '790000009999' }, new URL('https://item.taobao.com/item.htm?id=790000009999'), 'x')!;
    const { takedown: _mark, ...plain } = listing;
    expect(listingSchema.safeParse(plain).success).toBe(false);
  });

  it('a login wall is never removed', () => {
    const url = new URL('https://item.taobao.com/item.htm?id=781234567891');
    expect(snapshot(taobaoAdapter, fixture('taobao/login-wall.html', url.href), url, 0).state).toBe('login-required');
  });
});
