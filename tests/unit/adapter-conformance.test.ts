import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { ADAPTERS } from '@/utils/marketplaces/registry';
import type { MarketplaceAdapter } from '@/utils/marketplaces/adapter';
import type { PageKind } from '@/utils/model/listing';
import { matchesPattern } from '@/utils/marketplaces/match-pattern';
import { LISTING_SCRIPTS, pageScriptFor } from '@/utils/marketplaces/page-scripts';
import { CHAT_PAGE_MATCHES, IMAGE_CDN_HOSTS, MARKETPLACE_HOSTS } from '@/utils/marketplaces/hosts';
import { PLATFORM_FACTS, PLATFORM_IDS, platformOfHostname } from '@/utils/marketplaces/platforms';

// Every adapter is registered, has example URLs that it alone claims, a content script whose
// matches cover them and that the background injects there, and committed fixtures for each
// page kind it supports.

const root = new URL('../../', import.meta.url);
const blank = (url: string) => new JSDOM('<!doctype html><title>x</title>', { url }).window.document;

const FIXTURE_HINTS: Record<PageKind, RegExp> = { item: /item|goods/, search: /search/, chat: /chat/ };

describe('adapter conformance', () => {
  it('registers every adapter folder exactly once', () => {
    const folders = readdirSync(new URL('utils/marketplaces/', root), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(new URL(`utils/marketplaces/${d.name}/adapter.ts`, root)))
      .map((d) => d.name)
      .sort();
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual(folders);
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
  });

  describe.each(ADAPTERS.map((a) => [a.id, a] as const))('%s', (id, adapter: MarketplaceAdapter) => {
    it('has example URLs for item pages', () => {
      expect(adapter.exampleUrls.item?.length ?? 0).toBeGreaterThan(0);
    });

    it('claims each of its example URLs alone, with the right page kind, and its content script matches them', () => {
      for (const [kind, urls] of Object.entries(adapter.exampleUrls) as [PageKind, string[]][]) {
        for (const href of urls) {
          const url = new URL(href);
          const claimants = ADAPTERS.filter((a) => a.detectPage(blank(href), url) !== null).map((a) => a.id);
          expect(claimants, href).toEqual([id]);
          expect(adapter.detectPage(blank(href), url), href).toBe(kind);
          expect(
            adapter.matches.some((p) => matchesPattern(p, url)),
            `${href} not in matches`,
          ).toBe(true);
        }
      }
    });

    it('has a content script on its match patterns, which the background injects into its pages', () => {
      const file = new URL(`entrypoints/${id}.content.ts`, root);
      expect(existsSync(file), `entrypoints/${id}.content.ts`).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(`matches: ${id}Matches`);
      expect(text).toContain(`runContentScript(ctx, ${id}Adapter)`);
      expect(text).toContain(`registration: 'runtime'`);
      expect(readFileSync(new URL(`utils/marketplaces/${id}/adapter.ts`, root), 'utf8')).toContain(`matches: ${id}Matches`);
      for (const href of Object.values(adapter.exampleUrls).flat()) {
        expect(pageScriptFor(href), href).toBe(`/content-scripts/${id}.js`);
        // Exactly one adapter's patterns match, so no page could get two listing scripts.
        expect(
          ADAPTERS.filter((a) => a.matches.some((p) => matchesPattern(p, new URL(href)))).map((a) => a.id),
          href,
        ).toEqual([id]);
      }
    });

    it('has a search sample (used to warm the search code up) that its search reader reads in full', () => {
      const href = adapter.exampleUrls.search?.[0];
      expect(href, `${id} has no search example URL`).toBeDefined();
      expect(adapter.searchSample, `${id} has no search sample`).toBeTruthy();
      const doc = new JSDOM(`<!doctype html><body>${adapter.searchSample}</body>`, { url: href }).window.document;
      const { results, warnings } = adapter.extractSearchResults!(doc, new URL(href!));
      expect(warnings).toEqual([]);
      expect(results).toHaveLength(8);
      for (const r of results) {
        expect(r.element && doc.contains(r.element), `${r.itemId} has no card`).toBe(true);
        expect(r.title).toMatch(/^样例商品 Sample item \d$/);
        expect(r.priceFen).toBeGreaterThan(0);
        expect(r.shopName).toMatch(/^样例/);
      }
      // Pinduoduo cards loaded by scrolling carry no mall id; those in the page state do.
      expect(results.filter((r) => r.shopId ?? r.sellerId).length).toBe(id === 'pdd' ? 4 : 8);
    });

    it('has committed fixtures for each page kind it supports', () => {
      const files = readdirSync(new URL(`tests/fixtures/${id}/`, root));
      for (const kind of Object.keys(adapter.exampleUrls) as PageKind[]) {
        expect(
          files.some((f) => FIXTURE_HINTS[kind].test(f)),
          `${id} has no ${kind} fixture`,
        ).toBe(true);
      }
      expect(
        files.some((f) => /login/.test(f)),
        `${id} has no login-wall fixture`,
      ).toBe(true);
      expect(
        files.some((f) => /captcha|risk/.test(f)),
        `${id} has no captcha fixture`,
      ).toBe(true);
    });
  });
});

/** Whether every URL `inner` matches is also matched by `outer` (scheme, host, path prefix). */
function patternWithin(inner: string, outer: string): boolean {
  const parse = (p: string) => /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(p);
  const i = parse(inner);
  const o = parse(outer);
  if (!i || !o) return false;
  const schemeOk = o[1] === '*' || o[1] === i[1];
  const hostOk = o[2] === i[2] || (o[2]!.startsWith('*.') && (i[2] === o[2]!.slice(2) || i[2]!.endsWith(o[2]!.slice(1))));
  const pathOk = o[3] === i[3] || (o[3]!.endsWith('*') && i[3]!.startsWith(o[3]!.slice(0, -1)));
  return schemeOk && hostOk && pathOk;
}

describe('platforms, permissions and injection agree', () => {
  const hostPermissions = [...MARKETPLACE_HOSTS, ...IMAGE_CDN_HOSTS];

  it('the manifest asks host permission for exactly these lists', () => {
    expect(readFileSync(new URL('wxt.config.ts', root), 'utf8')).toContain('host_permissions: [...MARKETPLACE_HOSTS, ...IMAGE_CDN_HOSTS]');
  });

  it('the adapter registry and the platform list name the same marketplaces in the same order', () => {
    expect(ADAPTERS.map((a) => a.id)).toEqual([...PLATFORM_IDS]);
    expect(LISTING_SCRIPTS.map((s) => s.id)).toEqual([...PLATFORM_IDS]);
  });

  it('every content-script match and chat page lies inside the host permissions', () => {
    for (const pattern of [...ADAPTERS.flatMap((a) => a.matches), ...CHAT_PAGE_MATCHES]) {
      expect(
        hostPermissions.some((h) => patternWithin(pattern, h)),
        pattern,
      ).toBe(true);
    }
  });

  it.each(PLATFORM_IDS.map((id) => [id] as const))('%s: the entrypoint declares what the background injects', (id) => {
    const adapter = ADAPTERS.find((a) => a.id === id)!;
    expect(LISTING_SCRIPTS.find((s) => s.id === id)?.matches).toBe(adapter.matches);
    // the background gives chat pages the chat script, never a listing script
    expect(readFileSync(new URL(`entrypoints/${id}.content.ts`, root), 'utf8')).toContain('excludeMatches: CHAT_PAGE_MATCHES');
  });

  it.each(PLATFORM_IDS.map((id) => [id] as const))('%s: its platform facts know its example item URLs', (id) => {
    const adapter = ADAPTERS.find((a) => a.id === id)!;
    for (const href of adapter.exampleUrls.item ?? []) {
      const url = new URL(href);
      expect(platformOfHostname(url.hostname), href).toBe(id);
      expect(PLATFORM_FACTS[id].itemIdFromLink(url), href).toMatch(/^\d+$/);
    }
  });
});

describe('page scripts', () => {
  it('gives chat pages the chat script and other hosts nothing', () => {
    expect(pageScriptFor('https://im.taobao.com/webww/ww.htm')).toBe('/content-scripts/chat.js');
    expect(pageScriptFor('https://mobile.yangkeduo.com/chat_detail.html?mall_id=1')).toBe('/content-scripts/chat.js');
    expect(pageScriptFor('https://example.com/item.htm?id=1')).toBeUndefined();
    expect(pageScriptFor('not a url')).toBeUndefined();
  });
});
