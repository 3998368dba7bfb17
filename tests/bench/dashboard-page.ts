// In-page scripts of the dashboard bench, kept as source text: tsx (esbuild, keepNames) would wrap
// named functions in a helper the page does not have.

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

/** Resolves after the next frame has been produced (layout and paint of what is in the DOM now). */
const NEXT_FRAME = `() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))`;

/** Resolves when the first 500 rows (the list's head) are all in the DOM, with the time. */
const HEAD_COMPLETE = `async () => {
  const t0 = performance.now();
  while (!document.querySelector('[data-testid="capture-list-head"][data-complete="true"]') && document.querySelector('[data-testid="capture-list-head"]')) {
    await new Promise((r) => requestAnimationFrame(r));
    if (performance.now() - t0 > 60000) throw new Error('the list head did not complete in 60 s');
  }
  return performance.now();
}`;

/**
 * Switches the dashboard to #captures and times: hash change → data loaded (mark), loaded → rows
 * committed (mark), loaded → the frame showing them.
 */
export const OPEN_CAPTURES = `async () => {
  const nextFrame = ${NEXT_FRAME};
  performance.clearMarks();
  const t0 = performance.now();
  location.hash = '#captures';
  for (;;) {
    await new Promise((r) => requestAnimationFrame(r));
    if (document.querySelector('[data-testid="evidence-row"]')) break;
    if (performance.now() - t0 > 60000) throw new Error('no evidence-row after 60 s');
  }
  const painted = await nextFrame();
  const firstRows = document.querySelectorAll('[data-testid="evidence-row"]').length;
  const complete = await (${HEAD_COMPLETE})();
  const mark = (name) => performance.getEntriesByName('listingproof:' + name).find((e) => e.startTime >= t0)?.startTime ?? NaN;
  const loaded = mark('captures-loaded');
  return { loaded: loaded - t0, committed: mark('captures-rendered') - loaded, painted: painted - loaded, firstRows, complete: complete - loaded, rows: document.querySelectorAll('[data-testid="evidence-row"]').length };
}`;

/** Types into a filter control as a person would (an input event) and times it to the frame showing the result. */
export const APPLY_FILTER = `async ({ testId, value }) => {
  const nextFrame = ${NEXT_FRAME};
  const el = document.querySelector('[data-testid="' + testId + '"]');
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await nextFrame();
  const t0 = performance.now();
  Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  const t1 = await nextFrame();
  const firstRows = document.querySelectorAll('[data-testid="evidence-row"]').length;
  const complete = await (${HEAD_COMPLETE})();
  return { ms: t1 - t0, complete: complete - t0, firstRows, shown: Number(document.querySelector('[data-testid="capture-filter"]').getAttribute('data-shown')), rows: document.querySelectorAll('[data-testid="evidence-row"]').length };
}`;

/** Scrolls the page to `fraction` of its height and times it to the frame that shows rows there. */
export const SCROLL_TO = `async (fraction) => {
  const nextFrame = ${NEXT_FRAME};
  await nextFrame();
  const t0 = performance.now();
  scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * fraction);
  const t1 = await nextFrame();
  const t2 = await nextFrame();
  const visible = [...document.querySelectorAll('[data-testid="evidence-row"]')].filter((r) => { const b = r.getBoundingClientRect(); return b.bottom > 0 && b.top < innerHeight; });
  return { ms: t1 - t0, settledMs: t2 - t0, visible: visible.length, drawnTo: Number(document.querySelector('[data-testid="capture-list-tail"]')?.getAttribute('data-last')), rowsInList: Number(document.querySelector('[data-testid="capture-list"]')?.getAttribute('data-rows')), inDom: document.querySelectorAll('[data-testid="evidence-row"]').length };
}`;

/** The reference: 500 plain table rows of six text cells put into the page, timed to the frame showing them. */
export const PLAIN_ROWS = `async () => {
  const nextFrame = ${NEXT_FRAME};
  const box = document.createElement('div');
  document.body.prepend(box);
  await nextFrame();
  const t0 = performance.now();
  const rows = [];
  for (let i = 0; i < 500; i++) rows.push('<tr><td>' + i + '</td><td>Acme XR-200 降噪耳机 ' + i + '</td><td>¥' + (100 + i) + '</td><td>未授权</td><td>2026-12-01T10:00:00Z</td><td>详情</td></tr>');
  box.innerHTML = '<table>' + rows.join('') + '</table>';
  const t1 = await nextFrame();
  box.remove();
  return t1 - t0;
}`;
