// Many captures written straight into the extension's IndexedDB from one of its pages (no artifact
// bytes: the captures list and the bench read records only). Kept as source text: tsx (esbuild,
// keepNames) would wrap named functions in a helper the page does not have. Case k is
// "店铺<k>号 Shop <k>" on taobao, tmall, jd, pdd in turn; prices run from 150 to 349.

/** Writes `cases` cases of `perCase` captures each into the extension's IndexedDB, in one transaction. */
export const SEED_CASES = `async ({ template, cases, perCase }) => {
  let db;
  for (let tries = 0; tries < 50; tries++) {
    db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('listingproof');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (db.objectStoreNames.contains('cases') && db.objectStoreNames.contains('captures')) break;
    db.close();
    await new Promise((r) => setTimeout(r, 100));
  }
  const platforms = ['taobao', 'tmall', 'jd', 'pdd'];
  const statuses = ['found', 'warned', 'complained', 'appealed', 'removed', 'restored', 'closed'];
  const sellers = ['unauthorized', 'authorized', 'expired', 'unknown'];
  const start = Date.UTC(2026, 5, 1);
  await new Promise((resolve, reject) => {
    const tx = db.transaction(['cases', 'captures'], 'readwrite');
    for (let k = 0; k < cases; k++) {
      const platform = platforms[k % 4];
      const caseId = 'bench-case-' + k;
      const shopName = '店铺' + k + '号 Shop ' + k;
      tx.objectStore('cases').add({ id: caseId, platform, shopKey: String(100000 + k), shopName, createdAt: new Date(start).toISOString(), status: statuses[k % 7], statusHistory: [] });
      for (let j = 0; j < perCase; j++) {
        const n = k * perCase + j;
        const price = (150 + ((k * 7 + j * 13) % 200)).toFixed(2);
        tx.objectStore('captures').add({
          ...template,
          id: crypto.randomUUID(),
          caseId,
          platform,
          itemId: String(600000000000 + k * 100 + (j % 5)),
          title: template.title + ' 款式' + (j % 9) + ' #' + n,
          shop: { name: shopName, id: String(100000 + k), sellerId: '' },
          price: { lowest: price, currency: 'CNY' },
          verdict: { ...template.verdict, seller: sellers[n % 4], price: Number(price) < 269 ? 'below-min' : 'ok' },
          capturedAt: new Date(start + n * 900000).toISOString(),
        });
      }
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}`;
