import { describe, expect, it } from 'vitest';
import { bytesToDataUrl, dataUrlToBlob, decodeDataUrl } from '@/utils/evidence/data-url';

describe('data: URLs', () => {
  it('round-trips bytes through base64', () => {
    const bytes = Uint8Array.from({ length: 70000 }, (_, i) => i % 256);
    const back = decodeDataUrl(bytesToDataUrl(bytes, 'image/png'));
    expect(back.mediaType).toBe('image/png');
    expect(Array.from(back.bytes)).toEqual(Array.from(bytes));
  });
  it('decodes percent-encoded data and makes blobs', async () => {
    expect(new TextDecoder().decode(decodeDataUrl('data:text/plain,a%20b').bytes)).toBe('a b');
    const blob = dataUrlToBlob('data:image/png;base64,AAEC');
    expect(blob.type).toBe('image/png');
    expect(blob.size).toBe(3);
  });
  it('rejects other URLs', () => {
    expect(() => decodeDataUrl('https://example.com/a.png')).toThrow();
  });
});
