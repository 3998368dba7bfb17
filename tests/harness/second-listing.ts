import { readFileSync } from 'node:fs';
import type { FixtureRoute } from '@/tests/harness/fixture-server';
import { PAGES } from '@/tests/harness/pages';

// A second listing of the shop of PAGES.taobaoItem (极光数码专营店): the same saved page with another
// item id and a price below the demo list's minimum (269), served at its own URL. A case then has
// two listings, as the case view's timeline and price chart need.

export const SECOND_TAOBAO_ITEM = '781234567899';

export const secondTaobaoListing: FixtureRoute = {
  url: `https://item.taobao.com/item.htm?id=${SECOND_TAOBAO_ITEM}`,
  body: readFileSync(PAGES.taobaoItem.file, 'utf8')
    .replaceAll('781234567890', SECOND_TAOBAO_ITEM)
    .replaceAll('"26900"', '"24900"')
    .replaceAll('"269"', '"249"'),
  contentType: 'text/html; charset=utf-8',
};
