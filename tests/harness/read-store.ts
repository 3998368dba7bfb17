import type { Page } from 'playwright-core';
import type { CaptureRecord } from '@/utils/model/capture';

// Reads the extension's real IndexedDB from one of its own pages (same origin), recomputing every
// artifact's SHA-256 from the stored bytes, so tests check what was stored, not what was reported.

export interface StoredCapture {
  record: CaptureRecord;
  recomputed: Record<string, string>;
  texts: Record<string, string>;
}

export async function readStoredCaptures(extensionPage: Page): Promise<StoredCapture[]> {
  return extensionPage.evaluate(async () => {
    const db = await new Promise<IDBDatabase | undefined>((resolve, reject) => {
      const req = indexedDB.open('listingproof');
      // Never create the database from a test: the extension has not opened it yet.
      req.onupgradeneeded = () => req.transaction?.abort();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => (req.error?.name === 'AbortError' ? resolve(undefined) : reject(req.error));
    });
    if (!db || !db.objectStoreNames.contains('captures')) return [];
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const captures = await all<CaptureRecord>('captures');
    const blobs = await all<{ id: string; captureId: string; data: Blob }>('artifactBlobs');
    const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const out = [];
    for (const record of captures) {
      const recomputed: Record<string, string> = {};
      const texts: Record<string, string> = {};
      for (const b of blobs.filter((x) => x.captureId === record.id)) {
        const path = b.id.slice(record.id.length + 1);
        recomputed[path] = hex(await crypto.subtle.digest('SHA-256', await b.data.arrayBuffer()));
        if (path.endsWith('.json')) texts[path] = await b.data.text();
      }
      out.push({ record, recomputed, texts });
    }
    db.close();
    return out;
  });
}

export async function countRows(extensionPage: Page, store: string): Promise<number> {
  return extensionPage.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase | undefined>((resolve, reject) => {
      const req = indexedDB.open('listingproof');
      // Never create the database from a test: the extension has not opened it yet.
      req.onupgradeneeded = () => req.transaction?.abort();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => (req.error?.name === 'AbortError' ? resolve(undefined) : reject(req.error));
    });
    if (!db || !db.objectStoreNames.contains(name)) return 0;
    const n = await new Promise<number>((resolve) => {
      const req = db.transaction(name).objectStore(name).count();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return n;
  }, store);
}
