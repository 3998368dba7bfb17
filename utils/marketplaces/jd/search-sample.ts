// Made-up search.jd.com result cards in the current (2024) markup: `li[data-sku]` in
// #J_goodsList with picture, price, title link and a shop block carrying shop and vendor ids.

function card(i: number): string {
  const sku = 100_090_000_000 + i;
  const shopId = 10_000_000 + i;
  return `<li data-sku="${sku}" class="gl-item"><div class="gl-i-wrap">
<div class="p-img"><a target="_blank" href="//item.jd.com/${sku}.html"><img width="220" height="220" alt=""></a><div data-venid="${20_000_000 + i}"></div></div>
<div class="p-price"><strong class="J_${sku}"><em>￥</em><i data-price="${sku}">${100 + i}.${i % 10}0</i></strong></div>
<div class="p-name p-name-type-2"><a target="_blank" title="样例商品 Sample item ${i}" href="//item.jd.com/${sku}.html"><em>样例商品 Sample item ${i}</em></a></div>
<div class="p-shop" data-shopid="${shopId}" data-verderid="${20_000_000 + i}"><span class="J_im_icon"><a target="_blank" class="curr-shop hd-shopname" href="//mall.jd.com/index-${shopId}.html" title="样例店铺 ${i}">样例店铺 ${i}</a></span></div>
</div></li>`;
}

export const JD_SEARCH_SAMPLE = `<div id="J_goodsList"><ul class="gl-warp">${Array.from({ length: 8 }, (_, i) => card(i)).join('')}</ul></div>`;
