import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PAGES, real, type DemoPage } from '@/tests/harness/pages';

// Every item and search page we have, with the URL it is served at: the harness catalog plus the
// fixtures it does not list (other blocked states, the real saved pages). `uncoveredFixtures`
// names own fixture files missing from both, so a new fixture is not silently left out.

export interface BenchPage {
  name: string;
  url: string;
  file: URL;
  origin: 'own' | 'real';
}

const own = (rel: string) => new URL(`../fixtures/${rel}`, import.meta.url);

const EXTRA: BenchPage[] = [
  { name: 'JD risk check (captcha)', url: 'https://item.jd.com/100012043979.html', file: own('jd/risk-2024-captcha.html'), origin: 'own' },
  { name: 'Pinduoduo captcha', url: 'https://mobile.yangkeduo.com/goods.html?goods_id=432109876545', file: own('pdd/goods-2024-captcha.html'), origin: 'own' },
  {
    name: 'Pinduoduo goods, DOM only',
    url: 'https://mobile.yangkeduo.com/goods.html?goods_id=432109876546',
    file: own('pdd/goods-2024-dom-only.html'),
    origin: 'own',
  },
  { name: 'Tmall captcha (punish)', url: 'https://detail.tmall.com/item.htm?id=750123456783', file: own('tmall/captcha-punish.html'), origin: 'own' },
  { name: 'real: JD item 2018 (b)', url: 'https://item.jd.com/1020565583.html?b', file: real('jd/item/jd-item-2018-1020565583-b.html'), origin: 'real' },
  {
    name: 'real: JD search 2016',
    url: 'https://search.jd.com/Search?keyword=%E7%B4%A2%E5%B0%BC%E8%80%B3%E6%9C%BA&enc=utf-8',
    file: real('jd/search/jd-search-2016-sony-earphone.html'),
    origin: 'real',
  },
  {
    name: 'real: Taobao item 2019 (rendered DOM)',
    url: 'https://item.taobao.com/item.htm?id=579326877967',
    file: real('taobao/item/taobao-pc-item-rendered-DOM-2019-579326877967.html'),
    origin: 'real',
  },
  {
    name: 'real: Taobao item 2020 (rendered DOM)',
    url: 'https://item.taobao.com/item.htm?id=562283240178',
    file: real('taobao/item/taobao-pc-item-rendered-DOM-2020-562283240178.html'),
    origin: 'real',
  },
  {
    name: 'real: Taobao search 2016 (g_page_config)',
    url: 'https://s.taobao.com/search?q=a2016',
    file: real('taobao/search/taobao-search-2016-g_page_config-raw.htm'),
    origin: 'real',
  },
  {
    name: 'real: Taobao search 2018 (listsrp)',
    url: 'https://s.taobao.com/search?q=b2018',
    file: real('taobao/search/taobao-search-2018-listsrp-raw.html'),
    origin: 'real',
  },
  {
    name: 'real: Taobao search 2018 (rendered DOM)',
    url: 'https://s.taobao.com/search?q=c2018',
    file: real('taobao/search/taobao-search-2018-rendered-DOM.html'),
    origin: 'real',
  },
  {
    name: 'real: Tmall item 2025 (ICE, minimal)',
    url: 'https://detail.tmall.com/item.htm?id=617129397971',
    file: real('tmall/item/tmall-ICE_APP_CONTEXT-minimal-2025-617129397971.html'),
    origin: 'real',
  },
  {
    name: 'real: Tmall item 2018 (GBK)',
    url: 'https://detail.tmall.com/item.htm?id=538218798736',
    file: real('tmall/item/tmall-pc-detail-2018-538218798736-gbk.html'),
    origin: 'real',
  },
  {
    name: 'real: Tmall item 2020 (rendered DOM, GBK)',
    url: 'https://detail.tmall.com/item.htm?id=605258110430',
    file: real('tmall/item/tmall-pc-detail-rendered-DOM-2020-605258110430-gbk.html'),
    origin: 'real',
  },
  {
    name: 'real: Tmall list search 2020',
    url: 'https://list.tmall.com/search_product.htm?q=%B3%A9%CF%FA%CD%AF%CA%E9',
    file: real('tmall/search/tmall-list-search_product-2020.html'),
    origin: 'real',
  },
];

export function benchPages(): BenchPage[] {
  const catalog = Object.values(PAGES as Record<string, DemoPage>).map((p): BenchPage => ({
    name: p.name,
    url: p.url,
    file: p.file,
    origin: p.file.href.includes('/fixtures/real/') ? 'real' : 'own',
  }));
  return [...catalog, ...EXTRA];
}

/** Own item/search fixture files that no bench page uses. */
export function uncoveredFixtures(pages: BenchPage[]): string[] {
  const used = new Set(pages.map((p) => fileURLToPath(p.file)));
  const out: string[] = [];
  for (const dir of ['taobao', 'tmall', 'jd', 'pdd']) {
    for (const f of readdirSync(own(`${dir}/`))) {
      if (f.endsWith('.html') && !used.has(fileURLToPath(own(`${dir}/${f}`)))) out.push(`${dir}/${f}`);
    }
  }
  return out;
}
