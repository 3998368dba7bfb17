// Made-up mobile.yangkeduo.com search results in the 2024 shape: the first page in `window.rawData`
// and as cards, then cards only (loaded by scrolling), as the real page has them.

const IN_STATE = 4;
const id = (i: number) => 900_000_000 + i;

function card(i: number): string {
  return `<li class="goods-item"><a href="goods.html?goods_id=${id(i)}&amp;refer_page_name=search_result"><div class="goods-name">样例商品 Sample item ${i}</div><div class="goods-price">¥${10 + i}.90</div><div class="mall-name">样例店铺 ${i}</div></a></li>`;
}

const state = {
  stores: {
    store: {
      data: {
        ssrListData: {
          list: Array.from({ length: IN_STATE }, (_, i) => ({
            goods_id: id(i),
            goods_name: `样例商品 Sample item ${i}`,
            price: 1090 + i * 100,
            normal_price: 1290 + i * 100,
            mall_id: 100_000 + i,
            mall_name: `样例店铺 ${i}`,
          })),
        },
      },
    },
  },
};

export const PDD_SEARCH_SAMPLE = `<ul class="search-result-list">${Array.from({ length: 8 }, (_, i) => card(i)).join('')}</ul><script>window.rawData=${JSON.stringify(state)};</script>`;
