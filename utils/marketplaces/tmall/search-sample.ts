// Made-up list.tmall.com results in the server-rendered markup: `div.product[data-id]` with price,
// title link and shop link by seller id.

function card(i: number): string {
  const id = 760_100_000_000 + i;
  const seller = 2_200_100_000 + i;
  return `<div class="product" data-id="${id}"><div class="product-iWrap">
<div class="productImg-wrap"><a href="//detail.tmall.com/item.htm?id=${id}" class="productImg"><img alt=""></a></div>
<p class="productPrice"><em title="${100 + i}.00"><b>&yen;</b>${100 + i}.00</em></p>
<p class="productTitle"><a href="//detail.tmall.com/item.htm?id=${id}" title="样例商品 Sample item ${i}">样例商品 Sample item ${i}</a></p>
<div class="productShop"><a class="productShop-name" href="//store.taobao.com/search.htm?user_number_id=${seller}">样例旗舰店 ${i}</a></div>
</div></div>`;
}

export const TMALL_SEARCH_SAMPLE = `<div id="J_ItemList">${Array.from({ length: 8 }, (_, i) => card(i)).join('')}</div>`;
