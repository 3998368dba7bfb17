import type { Page } from 'playwright-core';

// Reads (and, for the re-upload test, clears) the extension's locker queue and custody log in its
// real IndexedDB, from one of its own pages.

export interface QueueRow {
  id: string;
  captureId: string;
  path: string;
  state: string;
  attempts: number;
  error?: string;
  key?: string;
  versionId?: string;
  etag?: string;
}

export async function idbRows<T>(extensionPage: Page, store: string): Promise<T[]> {
  return extensionPage.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('listingproof');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows;
  }, store) as Promise<T[]>;
}

export async function deleteQueueRowsOf(extensionPage: Page, captureId: string): Promise<void> {
  await extensionPage.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('listingproof');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('lockerQueue', 'readwrite');
      tx.objectStore('lockerQueue').index('captureId').openCursor(IDBKeyRange.only(id)).onsuccess = (e) => {
        const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (cursor) {
          cursor.delete();
          cursor.continue();
        }
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, captureId);
}
