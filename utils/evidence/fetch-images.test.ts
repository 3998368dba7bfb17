import { describe, expect, it } from 'vitest';
import { fetchImages, fullSizeImageUrl, type FetchLike } from '@/utils/evidence/fetch-images';

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

function fakeFetch(routes: Record<string, () => Response | Promise<Response>>) {
  const seen: string[] = [];
  let active = 0;
  let peak = 0;
  const fetch: FetchLike = async (url, init) => {
    seen.push(url);
    active++;
    peak = Math.max(peak, active);
    try {
      await new Promise((r) => setTimeout(r, 1));
      const route = routes[url];
      if (!route) return new Response('nope', { status: 404 });
      if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      return await route();
    } finally {
      active--;
    }
  };
  return { fetch, seen, peak: () => peak };
}

const image =
  (type = 'image/jpeg', body: Uint8Array = jpeg) =>
  () =>
    new Response(body.slice(), { headers: { 'content-type': type } });

describe('fullSizeImageUrl', () => {
  it('undoes the marketplaces thumbnail decorations', () => {
    expect(fullSizeImageUrl('//img.alicdn.com/imgextra/i1/x.jpg_400x400q90.jpg_.webp')).toBe('https://img.alicdn.com/imgextra/i1/x.jpg');
    expect(fullSizeImageUrl('https://img14.360buyimg.com/n5/s54x54_jfs/t1/a.jpg')).toBe('https://img14.360buyimg.com/n0/jfs/t1/a.jpg');
    expect(fullSizeImageUrl('https://img.pddpic.com/goods/a.jpeg?imageView2/2/w/400')).toBe('https://img.pddpic.com/goods/a.jpeg');
    expect(fullSizeImageUrl('https://example.com/a.jpg_400x400.jpg')).toBe('https://example.com/a.jpg_400x400.jpg');
  });
});

describe('fetchImages', () => {
  it('fetches in order with ASCII names, media types and bytes; failures are warnings', async () => {
    const f = fakeFetch({
      'https://img.alicdn.com/a.jpg': image(),
      'https://img.alicdn.com/b.png': image('image/png'),
      'https://img.alicdn.com/c.jpg': () => new Response('<html>', { headers: { 'content-type': 'text/html' } }),
      'https://img.alicdn.com/d.jpg': image('image/jpeg', new Uint8Array(2000)),
    });
    const urls = [
      'https://img.alicdn.com/a.jpg_400x400.jpg',
      '//img.alicdn.com/b.png',
      'https://img.alicdn.com/c.jpg',
      'https://img.alicdn.com/d.jpg',
      'https://img.alicdn.com/missing.jpg',
      'https://img.alicdn.com/a.jpg_400x400.jpg',
    ];
    const { images, warnings } = await fetchImages(f.fetch, urls, { maxBytes: 1000 });
    expect(images.map((i) => i.path)).toEqual(['images/01.jpg', 'images/02.png']);
    expect(images[0]!.fetchedUrl).toBe('https://img.alicdn.com/a.jpg');
    expect(images[0]!.bytes).toEqual(jpeg);
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toMatch(/image 3 .*not an image \(text\/html\)/);
    expect(warnings.join('\n')).toMatch(/image 4 .*larger than 1000 bytes/);
    expect(warnings.join('\n')).toMatch(/image 5 .*HTTP 404/);
  });

  it('falls back to the URL as given when the full-size variant fails', async () => {
    const f = fakeFetch({ 'https://img.alicdn.com/x.jpg_400x400.jpg': image() });
    const { images } = await fetchImages(f.fetch, ['https://img.alicdn.com/x.jpg_400x400.jpg']);
    expect(images[0]!.fetchedUrl).toBe('https://img.alicdn.com/x.jpg_400x400.jpg');
    expect(f.seen).toEqual(['https://img.alicdn.com/x.jpg', 'https://img.alicdn.com/x.jpg_400x400.jpg']);
  });

  it('runs at most four at a time and times out slow ones', async () => {
    const routes: Record<string, () => Promise<Response>> = {};
    for (let i = 0; i < 10; i++) routes[`https://cdn.test/${i}.jpg`] = async () => image()();
    routes['https://cdn.test/slow.jpg'] = () => new Promise(() => {});
    const f = fakeFetch(routes);
    const { images, warnings } = await fetchImages(f.fetch, [...Object.keys(routes)], { timeoutMs: 30, fullSize: false });
    expect(f.peak()).toBeLessThanOrEqual(4);
    expect(images).toHaveLength(10);
    expect(warnings[0]).toMatch(/no answer within 30 ms/);
  });

  it('hands each image to onImage as it arrives; a failing onImage makes it a warning', async () => {
    const f = fakeFetch({ 'https://cdn.test/a.jpg': image(), 'https://cdn.test/b.jpg': image() });
    const seen: string[] = [];
    const { images, warnings } = await fetchImages(f.fetch, ['https://cdn.test/a.jpg', 'https://cdn.test/b.jpg'], {
      fullSize: false,
      onImage: async (img) => {
        if (img.url.endsWith('b.jpg')) throw new Error('refused');
        seen.push(img.url);
      },
    });
    expect(seen).toEqual(['https://cdn.test/a.jpg']);
    expect(images.map((i) => i.url)).toEqual(['https://cdn.test/a.jpg']);
    expect(warnings).toEqual(['image 2 not saved (https://cdn.test/b.jpg): refused']);
  });
});
