import { describe, expect, it } from 'vitest';
import type { FetchLike } from '@/utils/evidence/fetch-images';
import { fetchImages } from '@/utils/evidence/fetch-images';
import { guardedImageFetch, type ImageFetchBudget } from '@/utils/evidence/guarded-image-fetch';

const rules = { hostDomains: ['alicdn.com'], pageOrigin: 'https://item.taobao.com' };
const budget: ImageFetchBudget = { maxRequests: 10, maxImageBytes: 1000, maxTotalBytes: 2500, maxRedirects: 2 };

function network(routes: Record<string, () => Response>) {
  const seen: { url: string; redirect?: string }[] = [];
  const fetch: FetchLike = async (url, init) => {
    seen.push({ url, redirect: init?.redirect });
    return routes[url]?.() ?? new Response('no', { status: 404 });
  };
  return { fetch, seen };
}

const png =
  (n: number, headers: Record<string, string> = {}) =>
  () =>
    new Response(new Uint8Array(n), { headers: { 'content-type': 'image/png', ...headers } });
const redirect = (to: string) => () => new Response(null, { status: 302, headers: { location: to } });

describe('guardedImageFetch', () => {
  it('never asks the network for a refused URL, and says why', async () => {
    const net = network({});
    const get = guardedImageFetch(net.fetch, rules, budget);
    await expect(get('https://192.168.0.10/images/a.png')).rejects.toThrow(/not fetched: 192\.168\.0\.10 is a private/);
    await expect(get('http://img.alicdn.com/a.png')).rejects.toThrow(/https only/);
    await expect(get('https://evil.example/a.png')).rejects.toThrow(/neither the marketplace's image host/);
    expect(net.seen).toEqual([]);
  });

  it('follows redirects by hand within the allowed hosts only', async () => {
    const net = network({
      'https://img.alicdn.com/a.png': redirect('/b.png'),
      'https://img.alicdn.com/b.png': png(10),
      'https://img.alicdn.com/c.png': redirect('https://127.0.0.1/x.png'),
      'https://img.alicdn.com/d.png': () => new Response(null, { status: 301 }),
    });
    const get = guardedImageFetch(net.fetch, rules, budget);
    expect((await get('https://img.alicdn.com/a.png')).status).toBe(200);
    expect(net.seen.map((s) => s.redirect)).toEqual(['manual', 'manual']);
    await expect(get('https://img.alicdn.com/c.png')).rejects.toThrow(/redirect to https:\/\/127\.0\.0\.1\/x\.png not followed: 127\.0\.0\.1 is a private/);
    await expect(get('https://img.alicdn.com/d.png')).rejects.toThrow(/not followed/);
    expect(net.seen.map((s) => s.url)).not.toContain('https://127.0.0.1/x.png');
  });

  it('stops a redirect loop', async () => {
    const net = network({ 'https://img.alicdn.com/loop.png': redirect('https://img.alicdn.com/loop.png') });
    await expect(guardedImageFetch(net.fetch, rules, budget)('https://img.alicdn.com/loop.png')).rejects.toThrow(/more than 2 redirects/);
    expect(net.seen).toHaveLength(3);
  });

  it('caps each image, the capture total and the number of requests', async () => {
    const routes: Record<string, () => Response> = {
      'https://img.alicdn.com/big.png': png(1001),
      'https://img.alicdn.com/liar.png': png(5000, { 'content-length': '5000' }),
    };
    for (let i = 0; i < 12; i++) routes[`https://img.alicdn.com/${i}.png`] = png(900);
    const net = network(routes);
    const get = guardedImageFetch(net.fetch, rules, budget);
    await expect(get('https://img.alicdn.com/big.png')).rejects.toThrow(/larger than 1000 bytes/);
    await expect(get('https://img.alicdn.com/liar.png')).rejects.toThrow(/5000 declared/);
    expect((await (await get('https://img.alicdn.com/0.png')).arrayBuffer()).byteLength).toBe(900);
    await get('https://img.alicdn.com/1.png');
    await expect(get('https://img.alicdn.com/2.png')).rejects.toThrow(/over the capture's/);
    expect(get.used().bytes).toBe(1800);
  });

  it('counts requests against the budget', async () => {
    const routes: Record<string, () => Response> = {};
    for (let i = 0; i < 12; i++) routes[`https://img.alicdn.com/${i}.png`] = png(1);
    const get = guardedImageFetch(network(routes).fetch, rules, { ...budget, maxRequests: 3 });
    for (let i = 0; i < 3; i++) await get(`https://img.alicdn.com/${i}.png`);
    await expect(get('https://img.alicdn.com/3.png')).rejects.toThrow(/3 image requests are used up/);
  });

  it('turns every refusal into a warning of the capture through fetchImages', async () => {
    const net = network({ 'https://img.alicdn.com/ok.png': png(5) });
    const { images, warnings } = await fetchImages(
      guardedImageFetch(net.fetch, rules, budget),
      ['https://img.alicdn.com/ok.png', 'https://10.0.0.1/img/a.png', 'http://img.alicdn.com/x.png'],
      { fullSize: false },
    );
    expect(images.map((i) => i.url)).toEqual(['https://img.alicdn.com/ok.png']);
    expect(warnings).toEqual([
      'image 2 not saved (https://10.0.0.1/img/a.png): not fetched: 10.0.0.1 is a private, loopback or link-local address',
      'image 3 not saved (http://img.alicdn.com/x.png): not fetched: http is not fetched (https only)',
    ]);
  });
});
