import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@/utils/evidence/hash';
import { PendingFiles } from '@/utils/evidence/pending-file';

describe('PendingFiles', () => {
  it('lists files in the order added with the hash of their bytes, hashing a blob once however early it starts', async () => {
    const files = new PendingFiles();
    const early = new Blob(['<html>'], { type: 'text/html' });
    const started = files.startHashing(early);
    files.push({ path: 'a.png', blob: new Blob([new Uint8Array([1, 2])], { type: 'image/png' }), method: 'captureVisibleTab', note: 'n' });
    files.push({ path: 'page.html', blob: early, method: 'dom-serializer' });
    expect(files.startHashing(early)).toBe(started);
    const artifacts = await files.artifacts();
    expect(artifacts).toEqual([
      { path: 'a.png', mediaType: 'image/png', bytes: 2, sha256: await sha256Hex(new Uint8Array([1, 2])), method: 'captureVisibleTab', note: 'n' },
      { path: 'page.html', mediaType: 'text/html', bytes: 6, sha256: await sha256Hex('<html>'), method: 'dom-serializer' },
    ]);
    expect([...files.blobs().keys()]).toEqual(['a.png', 'page.html']);
    expect(files.some((f) => f.method === 'dom-serializer')).toBe(true);
  });
});
