// In-page scripts of the dashboard bench, kept as source text: tsx (esbuild, keepNames) would wrap
// named functions in a helper the page does not have.

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
