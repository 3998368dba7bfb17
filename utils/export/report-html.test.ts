import JSZip from 'jszip';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { REPORT_CSP } from '@/utils/export/report-html';
import { makePackage } from '@/tests/helpers/make-package';

const HOSTILE = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', "'><svg onload=alert(1)>"];

async function report(options: Parameters<typeof makePackage>[0], locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { bytes, result } = await makePackage(options, { locale });
  return { html: await (await JSZip.loadAsync(bytes)).file('report.html')!.async('string'), manifest: result.manifest };
}

describe('report.html', () => {
  it('escapes every page string and never turns a URL into a link', async () => {
    const { html } = await report([
      { title: HOSTILE[0], shopName: HOSTILE[1], url: 'javascript:alert(1)', warnings: HOSTILE },
      { kind: 'chat', title: HOSTILE[2], url: 'https://evil.example/"onmouseover="alert(1)' },
    ]);
    for (const h of HOSTILE) expect(html).not.toContain(h);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('javascript:alert(1)'); // shown as text
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelectorAll('script, iframe, object, embed, svg, link, base, form')).toHaveLength(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr, el.tagName).not.toMatch(/^on/i);
    }
    // The only links are in-page anchors; images are the package's own files.
    for (const a of doc.querySelectorAll('[href]')) expect(a.getAttribute('href')).toMatch(/^#capture-\d+$/);
    for (const img of doc.querySelectorAll('[src]')) expect(img.getAttribute('src')).toMatch(/^captures\/[0-9a-f-]+\/[\w.-]+$/);
    expect(doc.body.textContent).toContain(HOSTILE[0]);
  });

  it('is self-contained under a strict CSP', async () => {
    const { html } = await report([{}]);
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(REPORT_CSP);
    expect(doc.head.firstElementChild?.getAttribute('charset')).toBe('utf-8');
    expect(html).not.toMatch(/https?:\/\/(?!item\.taobao\.com)/);
    expect(html).not.toMatch(/<link|@import|url\(/i);
  });

  it('shows the summary, each capture with screenshots, hashes, environment, custody and how to verify', async () => {
    const { html, manifest } = await report([{}, { kind: 'chat' }]);
    const c = manifest.captures[0]!;
    expect(html).toContain(`<img src="captures/${c.id}/viewport.png"`);
    for (const f of manifest.files.filter((f) => f.path !== 'report.html')) expect(html).toContain(f.sha256);
    expect(html).toContain('Acme数码专营店');
    expect(html).toContain('199.00');
    expect(html).toContain(c.capturedAt);
    expect(html).toContain('Asia/Shanghai');
    expect(html).toContain('sha256sum -c SHA256SUMS');
    expect(html).toContain('npm run verify -- ');
    expect(html).toContain('export &lt;script&gt;'); // custody detail, escaped
  });

  it('states findings as facts about a dated list, in both languages, opening in the export locale', async () => {
    const zh = await report([{}], 'zh-CN');
    expect(zh.html).toContain('Not on the authorized list of 2026-11-01');
    expect(zh.html).toContain('Below the minimum price (269.00 CNY) in the list of 2026-11-01');
    expect(zh.html).toContain('不在 2026-11-01 版授权名单中');
    const checked = (html: string) => new JSDOM(html).window.document.querySelector<HTMLInputElement>('input.lang-radio[checked]')?.id;
    expect(checked(zh.html)).toBe('lang-zh');
    const en = await report([{ verdict: { seller: 'authorized', price: 'ok', listUpdatedAt: '2026-10-01T00:00:00Z' } }], 'en');
    expect(checked(en.html)).toBe('lang-en');
    expect(en.html).toContain('On the authorized list of 2026-10-01');
    expect(en.html).not.toMatch(/counterfeit|infring|illegal|假货|侵权/i);
  });
});
