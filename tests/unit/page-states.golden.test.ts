import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractSavedPage } from '@/utils/cli/extract-page';

// Taken-down, blocked and rate-limited pages (our own fixtures, modelled on the platforms'
// markers; see tests/fixtures/README.md) through the function `npm run extract` runs.
// A login wall, captcha, slider or 访问频繁 page is never `removed` and never an empty `ready`.

const own = (rel: string) => new URL(`../fixtures/${rel}`, import.meta.url);
const run = (rel: string, url: string) => extractSavedPage(readFileSync(own(rel)), url);
const page = (body: string, title = '') =>
  new TextEncoder().encode(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`);

describe('taken-down listings are `removed`, with what the URL tells', () => {
  const none = { name: '', id: '', sellerId: '' };
  const cases: [string, string, string, string | undefined, typeof none][] = [
    ['taobao/removed-noitem.html', 'https://item.taobao.com/item.htm?id=790000009999', 'taobao', '790000009999', none],
    ['taobao/removed-noitem.html', 'https://item.taobao.com/auction/noitem.htm?itemid=790000009999', 'taobao', '790000009999', none],
    // the off-shelf state still names the shop: the takedown proof joins the shop's case
    [
      'tmall/removed-downshelf-ice.html',
      'https://detail.tmall.com/item.htm?id=750123456790',
      'tmall',
      '750123456790',
      { name: 'Acme官方旗舰店', id: '100200300', sellerId: '2200100200' },
    ],
    // Tmall's no-item redirect often drops the id: the platform is still known
    ['taobao/removed-noitem.html', 'https://detail.tmall.com/auction/noitem.htm?type=1', 'tmall', undefined, none],
    ['jd/removed-2026-itemover.html', 'https://item.jd.com/100099887766.html', 'jd', '100099887766', { name: '', id: '1000000127', sellerId: '1000000127' }],
    ['jd/home-2026-redirect.html', 'https://item.jd.com/100099887767.html', 'jd', '100099887767', none],
    ['pdd/goods-2024-offline.html', 'https://mobile.yangkeduo.com/goods.html?goods_id=432109876599', 'pdd', '432109876599', none],
  ];
  for (const [file, url, platform, itemId, shop] of cases) {
    it(`${file} at ${url}`, () => {
      const out = run(file, url);
      expect(out.state).toBe('removed');
      expect(out.listing).toBeUndefined();
      expect(out.removed).toEqual({ platform, itemId: itemId ?? '', shop });
    });
  }

  it('"此宝贝已下架" on a Taobao page without item state', () => {
    const out = extractSavedPage(page('<div class="tb-off-sale">此宝贝已下架</div>', '淘宝网'), 'https://item.taobao.com/item.htm?id=790000008888');
    expect(out).toMatchObject({ state: 'removed', removed: { platform: 'taobao', itemId: '790000008888' } });
  });
});

describe('blocked pages are states, never `removed`', () => {
  const cases: [string, string, 'login-required' | 'captcha'][] = [
    ['taobao/login-wall.html', 'https://item.taobao.com/item.htm?id=781234567891', 'login-required'],
    ['taobao/captcha.html', 'https://item.taobao.com/item.htm?id=781234567892', 'captcha'],
    ['taobao/captcha.html', 'https://s.taobao.com/search?q=XR-200', 'captcha'],
    ['tmall/login-wall-ice.html', 'https://detail.tmall.com/item.htm?id=750123456782', 'login-required'],
    ['tmall/captcha-punish.html', 'https://detail.tmall.com/item.htm?id=750123456783', 'captcha'],
    ['jd/login-2024-passport.html', 'https://item.jd.com/10086123456790.html', 'login-required'],
    ['jd/risk-2024-captcha.html', 'https://item.jd.com/10086123456791.html', 'captcha'],
    // "抱歉由于访问频繁导致无法搜索，请稍后再试！": no results, and not an empty `ready`
    ['jd/search-2026-rate-limited.html', 'https://search.jd.com/Search?keyword=XR-200', 'captcha'],
    ['jd/search-2026-rate-limited.html', 'https://item.jd.com/100099887768.html', 'captcha'],
    ['pdd/goods-2024-need-login.html', 'https://mobile.yangkeduo.com/goods.html?goods_id=432109876544', 'login-required'],
    ['pdd/goods-2024-captcha.html', 'https://mobile.yangkeduo.com/goods.html?goods_id=432109876545', 'captcha'],
  ];
  for (const [file, url, state] of cases) {
    it(`${file} at ${url} → ${state}`, () => {
      const out = run(file, url);
      expect(out.state).toBe(state);
      expect(out.removed).toBeUndefined();
      expect(out.listing).toBeUndefined();
    });
  }

  it('a captcha or rate-limit page that also mentions a takedown is still blocked', () => {
    const punish = page('<iframe src="https://bixi.alicdn.com/punish/punish:resource:template.html?action=deny"></iframe><p>您查看的宝贝不存在</p>');
    expect(extractSavedPage(punish, 'https://item.taobao.com/item.htm?id=790000007777').state).toBe('captcha');
    const busy = page('<p>商品已下架</p><p>操作过于频繁，请稍后再试</p>');
    expect(extractSavedPage(busy, 'https://mobile.yangkeduo.com/goods.html?goods_id=432109876546').state).toBe('captcha');
    const jdBusy = page('<div class="itemover-tip">该商品已下柜</div><div>验证一下，购物无忧</div>');
    // a JD page without pageConfig is a risk check first
    expect(extractSavedPage(jdBusy, 'https://item.jd.com/100099887769.html').state).toBe('captcha');
  });

  it('a live JD page with the empty #itemover-new block is not removed', () => {
    const out = extractSavedPage(
      page(
        `<script>var pageConfig = { product: { skuid: 100099887770, name: 'Acme 耳机', venderId: 1000000127, shopId: '1000000127' } };</script><div id="itemover-new"></div><div class="sku-name">Acme 耳机</div>`,
      ),
      'https://item.jd.com/100099887770.html',
    );
    expect(out.state).toBe('ready');
  });
});
