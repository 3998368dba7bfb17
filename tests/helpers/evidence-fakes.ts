import { bytesToDataUrl } from '@/utils/evidence/data-url';
import type { Clock } from '@/utils/evidence/capture-scheduler';
import type { Listing } from '@/utils/model/listing';

// Fakes for the evidence tests: PNG data URLs of a given size, a clock whose sleep advances
// time instantly, and a listing as an extractor would produce it.

/** A PNG header (signature + IHDR) with the given size, plus a tag so images differ by bytes. */
export function fakePng(width: number, height: number, tag = ''): Uint8Array {
  const tagBytes = new TextEncoder().encode(tag);
  const out = new Uint8Array(33 + tagBytes.length);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(out.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  out.set([8, 6, 0, 0, 0], 24);
  out.set(tagBytes, 33);
  return out;
}

export function fakePngDataUrl(width: number, height: number, tag = ''): string {
  return bytesToDataUrl(fakePng(width, height, tag), 'image/png');
}

export interface FakeClock extends Clock {
  slept: number[];
}

export function fakeClock(start = 1000): FakeClock {
  let t = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
}

export function sampleListing(overrides: Partial<Listing> = {}): Listing {
  return {
    platform: 'tmall',
    itemId: '750123456781',
    url: 'https://detail.tmall.com/item.htm?id=750123456781',
    title: 'Acme XR-200 降噪耳机',
    shop: { name: 'Acme 耳机 专卖店', id: '100200300', sellerId: '2200001' },
    prices: { list: { min: 29900, max: 29900 }, promo: { min: 21900, max: 23900 }, coupon: { min: 19900, max: 19900 } },
    skus: [
      { id: 's1', name: '黑色', priceFen: 29900, promoFen: 21900, couponFen: 19900, stock: 5 },
      { id: 's2', name: '白色', priceFen: 29900, promoFen: 23900, stock: 3 },
    ],
    images: ['https://img.alicdn.com/imgextra/i1/a.jpg_400x400q90.jpg', '//img.alicdn.com/imgextra/i2/b.png'],
    ...overrides,
  };
}
