// Made-up s.taobao.com result cards in the current (2024–2025) markup: hashed class names, the
// item link around picture, title and price, the shop link beside it. Half Tmall, half Taobao,
// shops linked by seller id and by shop subdomain, as real result pages mix them; every fourth card
// is sponsored (直通车: ad link, item id on the card), as about a quarter are on 2025–26 pages.

function card(i: number): string {
  const id = 700_000_000_000 + i;
  const host = i % 2 ? 'detail.tmall.com' : 'item.taobao.com';
  const sponsored = i % 4 === 3;
  const link = sponsored ? `id="item_id_${id}" href="https://click.simba.taobao.com/cc_im?p=sample&amp;s=${i}"` : `href="//${host}/item.htm?id=${id}&amp;ns=1"`;
  const shop = i % 3 ? `//store.taobao.com/shop/view_shop.htm?user_number_id=${2_200_000_000 + i}` : `//shop${300_000_000 + i}.taobao.com`;
  return `<div class="tbpc-col search-content-col"><div class="doubleCardWrapper--BM29lDQX">
<a class="doubleCardWrapperAdapt--mEcC7olq" ${link} target="_blank">
<div class="mainPicAdaptWrapper--V_ayd2hD"><img class="mainPic--Ds3X7I8z" alt="样例 ${i}"></div>
<div class="title--qJ7Xg_90"><span>样例商品 Sample item ${i}</span></div>
<div class="priceWrapper--dBtPZ2K1"><div class="price--NVB62Ayj"><span class="unit--BpU6Tdlw">¥</span><span class="priceInt--yqqZMJ5a">${100 + i}</span><span class="priceFloat--XpixvyQ1">.${i % 10}0</span></div></div>
</a>
<div class="shopInfo--ZwdMjD5l"><a class="shopName--hdF527QA" href="${shop}" target="_blank"><span class="shopNameText--DmtlsDKm">样例店铺 ${i}</span></a></div>
</div></div>`;
}

export const TAOBAO_SEARCH_SAMPLE = `<div id="content_items_wrapper">${Array.from({ length: 8 }, (_, i) => card(i)).join('')}</div>`;
