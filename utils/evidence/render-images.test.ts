import { describe, expect, it } from 'vitest';
import { decodeDataUrl } from '@/utils/evidence/data-url';
import type { FetchLike } from '@/utils/evidence/fetch-images';
import { sendImagesForRender } from '@/utils/evidence/render-images';

const bytes = (n: number) => new Uint8Array(n).fill(7);

const fetchFrom =
  (sizes: Record<string, number>): FetchLike =>
  async (url) =>
    url in sizes ? new Response(bytes(sizes[url]!), { headers: { 'content-type': 'image/png' } }) : new Response('', { status: 404 });

describe('sendImagesForRender', () => {
  it('sends each fetched image as a data: URL keyed by the page URL, a few messages at a time', async () => {
    const sent: { url: string; size: number }[] = [];
    let inFlight = 0;
    let peak = 0;
    const send = async (url: string, dataUrl: string) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 2));
      sent.push({ url, size: decodeDataUrl(dataUrl).bytes.byteLength });
      inFlight--;
    };
    const result = await sendImagesForRender(
      fetchFrom({ 'https://cdn.test/a.png': 3, 'https://cdn.test/b.png': 5 }),
      ['https://cdn.test/a.png', 'https://cdn.test/b.png', 'https://cdn.test/a.png'],
      send,
    );
    expect(result).toEqual({ sent: 2 });
    expect(sent.sort((x, y) => x.url.localeCompare(y.url))).toEqual([
      { url: 'https://cdn.test/a.png', size: 3 },
      { url: 'https://cdn.test/b.png', size: 5 },
    ]);
    expect(peak).toBeLessThanOrEqual(3);
  });

  it('says how many images the re-render lacks and why: failed fetch, refused message, over budget', async () => {
    const sizes = { 'https://cdn.test/a.png': 10, 'https://cdn.test/b.png': 10, 'https://cdn.test/c.png': 10, 'https://cdn.test/big.png': 100 };
    const send = async (url: string) => {
      if (url.endsWith('b.png')) throw new Error('tab closed');
    };
    const urls = [...Object.keys(sizes), 'https://cdn.test/missing.png'];
    const result = await sendImagesForRender(fetchFrom(sizes), urls, send, { maxImages: 10, maxTotalBytes: 50 });
    expect(result.sent).toBe(2);
    expect(result.warning).toMatch(/^full-page: 3 of the page's 5 cross-origin images could not be handed to the re-render/);
    expect(result.warning).toMatch(/HTTP 404/);
    expect(result.warning).toMatch(/over the/);
    expect(result.warning).toMatch(/tab closed/);
  });
});
