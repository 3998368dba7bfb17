import { resolveObjectURL } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { bytesToDataUrl } from '@/utils/evidence/data-url';
import { pageImageUrls } from '@/utils/evidence/page-image-urls';

describe('pageImageUrls', () => {
  it('holds each handed-in image as a blob: URL of its bytes until cleared', async () => {
    const store = pageImageUrls();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    store.add('https://img.test/a.png', bytesToDataUrl(png, 'image/png'));
    const url = store.urls()['https://img.test/a.png']!;
    expect(url).toMatch(/^blob:/);
    const blob = resolveObjectURL(url)!;
    expect(blob.type).toBe('image/png');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(png);
    store.clear();
    expect(store.urls()).toEqual({});
    expect(resolveObjectURL(url)).toBeUndefined();
  });
});
