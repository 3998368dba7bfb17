// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadDocument, ownFixture, realFixture } from '@/tests/helpers/load-page';
import { pageScripts } from '@/utils/marketplaces/alibaba/scripts';
import { iceListing, priceKind, readIceState } from '@/utils/marketplaces/alibaba/ice-app-context';

const ice = (json: string) => [
  `!(function () {var a = window.__ICE_APP_CONTEXT__ || {};var b = ${json};for (var k in a) {b[k] = a[k]}window.__ICE_APP_CONTEXT__=b;})();`,
];

describe('__ICE_APP_CONTEXT__ reader', () => {
  it('reads the real trimmed 2025 Tmall state: item, SKUs priced in fen, priceVO', () => {
    const doc = loadDocument(
      realFixture('tmall/item/tmall-ICE_APP_CONTEXT-minimal-2025-617129397971.html'),
      'https://detail.tmall.com/item.htm?id=617129397971',
    );
    const state = readIceState(pageScripts(doc));
    expect(state?.needLogin).toBe(false);
    const l = iceListing(state?.res);
    expect(l.itemId).toBe('617129397971');
    expect(l.title).toBe('随行盾(SPORTLINK)适用于苹果手表充电支架applewatch7/9底座S8无线iwatch新款Ultra2手表架Airpods耳机架');
    expect(l.shopName).toBeUndefined();
    expect(l.images).toHaveLength(3);
    expect(l.skus).toHaveLength(10);
    expect(l.skus?.[0]).toEqual({ id: '4355552953967', name: '三合一充电支架（白色）', priceFen: 2990, stock: 8 });
    expect(l.prices).toEqual({ list: { min: 2990, max: 3490 } });
  });

  it('reads seller fields, coupon subPrice and the needLogin flag', () => {
    const doc = loadDocument(ownFixture('taobao/item-2025-ice.html'), 'https://item.taobao.com/item.htm?id=781234567890');
    const l = iceListing(readIceState(pageScripts(doc))?.res);
    expect(l).toMatchObject({ shopName: '极光数码专营店', shopId: '310987654', sellerId: '2207654321', sellerNick: 'jiguang数码' });
    expect(l.skus?.[1]).toEqual({ id: '5123400000002', name: '云母白', priceFen: 31900, couponFen: 28900, stock: 35 });
    const login = loadDocument(ownFixture('tmall/login-wall-ice.html'), 'https://detail.tmall.com/item.htm?id=1');
    expect(readIceState(pageScripts(login))).toEqual({ res: undefined, needLogin: true });
  });

  it('falls back to the JS literal reader for non-JSON state and tolerates garbage', () => {
    const state = readIceState(ice(`{loaderData: {home: {data: {res: {item: {itemId: '1234567', title: 'x' + 'y'}, seller: {userId: 42}}}}}}`));
    expect(iceListing(state?.res)).toMatchObject({ itemId: '1234567', title: 'xy', sellerId: '42' });
    expect(readIceState(ice('{"loaderData": '))).toBeUndefined();
    expect(readIceState(['var b = {"loaderData":{}}'])).toBeUndefined();
    const urlOnly = readIceState(ice(`{"loaderData":{"home":{"data":{"res":{"seller":{"shopName":"店","pcShopUrl":"//shop103890057.taobao.com"}}}}}}`));
    expect(iceListing(urlOnly?.res)).toMatchObject({ shopId: '103890057', shopUrl: 'https://shop103890057.taobao.com/' });
    expect(iceListing(undefined)).toEqual({});
  });

  it('classes a price by its label', () => {
    expect(priceKind('券后')).toBe('coupon');
    expect(priceKind('优惠前')).toBe('list');
    expect(priceKind(undefined)).toBe('list');
    expect(priceKind('活动价')).toBe('promo');
  });
});
