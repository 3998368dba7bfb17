import type { Page } from 'playwright-core';

/** Every row of one of the extension's IndexedDB stores, read from one of its own pages ([] before the store exists). */
export async function readRows<T>(extensionPage: Page, store: string): Promise<T[]> {
  return extensionPage.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase | undefined>((resolve, reject) => {
      const req = indexedDB.open('listingproof');
      // Never create the database from a test: the extension has not opened it yet.
      req.onupgradeneeded = () => req.transaction?.abort();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => (req.error?.name === 'AbortError' ? resolve(undefined) : reject(req.error));
    });
    if (!db || !db.objectStoreNames.contains(name)) return [];
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows;
  }, store) as Promise<T[]>;
}

/** Sends a protocol message (@webext-core's format) from an extension page, as the dashboard would; resolves with the reply. */
export async function sendFromPage<T>(extensionPage: Page, type: string, data: unknown): Promise<T> {
  const reply = await extensionPage.evaluate(
    ([t, d]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message: string } }> } } }
      ).chrome.runtime.sendMessage({
        id: Math.floor(Math.random() * 1e6),
        type: t,
        data: d,
        timestamp: Date.now(),
      }),
    [type, data] as const,
  );
  if (reply?.err) throw new Error(`${type}: ${reply.err.message}`);
  return reply?.res as T;
}
