// A current s.taobao.com-like search page (card markup as in tests/fixtures/taobao/search-2025.html)
// whose 60 results are inserted by a page script when the bench calls `__insertResults()`, as a
// search page's own script appends results after load. The page records when it started inserting
// them, when its insertion returned (the results are in the document), when the next frame began
// (requestAnimationFrame: the first paint that can show them) and when the 60th badge carrying a
// verdict appeared (a MutationObserver in the page's own world, so
// the figure includes the extension's whole path: observer, debounce, extraction, verdict request
// to the background and back, badge placement). Plus an authorized list in which every other
// card's seller is authorized, padded to the size asked for. The page shows a few pictures from
// the results' image host as it loads, so its connections are open when the results arrive.

export const RESULTS = 60;
export const BADGE_SEARCH_URL = 'https://s.taobao.com/search?q=XR-200&bench=badges';

const cardPlatform = (i: number) => (i % 3 === 0 ? 'tmall' : 'taobao');
const sellerOf = (i: number) => String(2_300_000_000 + i);

function cardHtml(i: number): string {
  const id = 800_000_000_000 + i;
  const host = cardPlatform(i) === 'tmall' ? 'detail.tmall.com' : 'item.taobao.com';
  const price = 150 + ((i * 37) % 400);
  return `<div class="tbpc-col search-content-col"><div class="doubleCardWrapper--BM29lDQX">
  <a class="doubleCardWrapperAdapt--mEcC7olq" href="//${host}/item.htm?id=${id}&amp;ns=1" target="_blank" data-spm-act-id="${id}">
    <div class="mainPicAdaptWrapper--V_ayd2hD"><img class="mainPic--Ds3X7I8z" src="https://g-search1.alicdn.com/img/bao/uploaded/i4/${id}.jpg_460x460q90.jpg_.webp" alt="XR-200 降噪耳机 ${i}"></div>
    <div class="title--qJ7Xg_90"><span>Acme XR-200 降噪耳机 头戴式 第${i}款</span></div>
    <div class="priceWrapper--dBtPZ2K1"><div class="price--NVB62Ayj"><span class="unit--BpU6Tdlw">¥</span><span class="priceInt--yqqZMJ5a">${price}</span><span class="priceFloat--XpixvyQ1">.00</span></div><span class="realSales--XZJiepmt">${i}人付款</span></div>
  </a>
  <div class="shopInfo--ZwdMjD5l"><a class="shopName--hdF527QA" href="//store.taobao.com/shop/view_shop.htm?user_number_id=${sellerOf(i)}" target="_blank"><span class="shopNameText--DmtlsDKm">测试店铺${i}</span></a></div>
</div></div>`;
}

export function badgeSearchPage(): string {
  const cards = Array.from({ length: RESULTS }, (_, i) => cardHtml(i)).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>XR-200_淘宝搜索</title></head>
<body>
<!-- Header pictures from the results' image host: its connections are open before results arrive, as after a first page of results. -->
<div class="siteNav--Z1qwQ6Rx">${Array.from({ length: 6 }, (_, k) => `<img width="1" height="1" alt="" src="https://g-search1.alicdn.com/img/bao/uploaded/i4/nav-${k}.png">`).join('')}</div>
<div id="root"><div class="pageContent--Kx1a8sZ2">
<div class="searchbar--sC2X1pcP"><input class="searchInput--Q0Dm0bu3" value="XR-200"></div>
<div class="leftContent--BdYLMbH8"><div id="content_items_wrapper" class="content--CUnfXXxv"></div></div>
</div></div>
<template id="bench-cards">${cards}</template>
<script>
// Created while the page parses, before the extension's script runs, so this observer is told of
// the inserted results first: the moment the page's own insertion work (image loads start in
// microtasks queued by the insertion) is over and any observer, ours included, can see them.
new MutationObserver(function () {
  if (window.__insertedAt !== undefined && window.__seenAt === undefined) window.__seenAt = performance.now();
}).observe(document.getElementById('content_items_wrapper'), { childList: true });
// The reference: the median interval between 30 animation frames.
window.__frameInterval = function () {
  return new Promise(function (resolve) {
    var stamps = [];
    function tick(t) {
      stamps.push(t);
      if (stamps.length < 31) return requestAnimationFrame(tick);
      var gaps = stamps.slice(1).map(function (s, i) { return s - stamps[i]; }).sort(function (x, y) { return x - y; });
      resolve(gaps[15]);
    }
    requestAnimationFrame(tick);
  });
};
window.__insertResults = function () {
  var wrapper = document.getElementById('content_items_wrapper');
  var want = ${RESULTS};
  var final = '[data-testid="result-badge"]:not([data-seller="unknown"])';
  window.__badgesDoneAt = undefined;
  // Awaited by the bench (no polling in the page while it works: that would add to what is timed).
  var done;
  window.__badgesDone = new Promise(function (resolve) { done = resolve; });
  window.__firstBadgeAt = undefined;
  window.__frameAt = undefined;
  window.__seenAt = undefined;
  window.__insertedAt = undefined;
  var observer = new MutationObserver(function () {
    var n = wrapper.querySelectorAll(final).length;
    if (n > 0 && window.__firstBadgeAt === undefined) window.__firstBadgeAt = performance.now();
    if (n >= want) { window.__badgesDoneAt = performance.now(); observer.disconnect(); done(); }
  });
  observer.observe(wrapper, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-seller'] });
  // In a task of the page's own, as a search page's XHR callback would: a call straight from the
  // bench (CDP) would run the microtasks, and so every observer, only after the harness's own work.
  setTimeout(function () {
    requestAnimationFrame(function () { window.__frameAt = performance.now(); });
    window.__insertedAt = performance.now();
    wrapper.appendChild(document.getElementById('bench-cards').content.cloneNode(true));
    window.__appendedAt = performance.now();
  }, 0);
  return 0;
};
</script>
</body></html>`;
}

/** The authorized list as the dashboard imports it: card sellers (every other one) plus filler. */
export function badgeAuthorizedList(sellers: number): string {
  const list = [];
  for (let i = 0; i < RESULTS; i += 2) list.push({ platform: cardPlatform(i), shopId: '', shopName: `测试店铺${i}`, sellerId: sellerOf(i) });
  for (let i = list.length; i < sellers; i++) {
    list.push({
      platform: ['taobao', 'tmall', 'jd', 'pdd'][i % 4],
      shopId: String(400_000_000 + i),
      shopName: `授权店铺 ${i}`,
      sellerId: i % 3 ? '' : String(600_000_000 + i),
    });
  }
  const products = [{ code: 'XR-200', name: 'Acme XR-200 降噪耳机', keywords: ['XR-200'], minPrice: '269.00' }];
  for (let i = 0; i < 999; i++) products.push({ code: `P-${i}`, name: `Acme 型号${i}`, keywords: [`MDL-${i}`], minPrice: `${100 + (i % 500)}.00` });
  return JSON.stringify({
    format: 'listingproof-authorized-list',
    formatVersion: 1,
    brand: 'Acme',
    updatedAt: '2026-11-01T00:00:00Z',
    sellers: list,
    products,
  });
}
