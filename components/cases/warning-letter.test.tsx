// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DEFAULT_LETTER_TEMPLATES, defaultDeadline, fillLetter, LETTER_PLACEHOLDERS, localDateTime, type LetterData } from '@/utils/cases/warning-letter';
import { letterHtml } from '@/utils/cases/letter-html';
import { letterData } from '@/utils/cases/letter-data';
import { makeCapture } from '@/tests/helpers/make-capture';

const data: LetterData = {
  shop: 'Acme数码专营店',
  shopId: '100200300',
  platform: 'taobao',
  links: ['https://item.taobao.com/item.htm?id=1', 'https://item.taobao.com/item.htm?id=2'],
  brand: 'Acme',
  listVersion: '2026-11-01T00:00:00Z',
  deadline: '2026-12-07 10:00',
  date: '2026-12-05',
  investigatorOrg: 'Acme 品牌保护部',
  investigator: '王调查',
};

describe('filling the warning letter', () => {
  it('fills every placeholder, links one per line', () => {
    const template = LETTER_PLACEHOLDERS.map((p) => `${p}=[{{${p}}}]`).join('\n');
    const { text, unknown } = fillLetter(template, data);
    expect(unknown).toEqual([]);
    expect(text).not.toContain('{{');
    expect(text).toContain('shop=[Acme数码专营店]');
    expect(text).toContain('shopId=[100200300]');
    expect(text).toContain('platform=[taobao]');
    expect(text).toContain('links=[https://item.taobao.com/item.htm?id=1\nhttps://item.taobao.com/item.htm?id=2]');
    expect(text).toContain('brand=[Acme]');
    expect(text).toContain('listVersion=[2026-11-01T00:00:00Z]');
    expect(text).toContain('deadline=[2026-12-07 10:00]');
    expect(text).toContain('date=[2026-12-05]');
    expect(text).toContain('investigatorOrg=[Acme 品牌保护部]');
    expect(text).toContain('investigator=[王调查]');
  });

  it('takes spaces inside the braces', () => {
    expect(fillLetter('{{ shop }} / {{brand }}', data).text).toBe('Acme数码专营店 / Acme');
  });

  it('leaves an unknown placeholder visible and reports it once', () => {
    const { text, unknown } = fillLetter('Dear {{owner}}, {{shop}}; again {{owner}} and {{}}', data);
    expect(text).toBe('Dear {{owner}}, Acme数码专营店; again {{owner}} and {{}}');
    expect(unknown).toEqual(['owner', '{{}}']);
  });

  it('does not fill placeholders a shop name brings with it', () => {
    const { text } = fillLetter('{{shop}} / {{brand}}', { ...data, shop: '{{brand}}店' });
    expect(text).toBe('{{brand}}店 / Acme');
  });

  it('both default templates use only known placeholders, and name the shop, the links and the deadline', () => {
    for (const template of Object.values(DEFAULT_LETTER_TEMPLATES)) {
      const { text, unknown } = fillLetter(template, data);
      expect(unknown).toEqual([]);
      for (const s of [data.shop, ...data.links, data.deadline, data.brand]) expect(text).toContain(s);
    }
  });

  it('gives the seller 48 hours by default', () => {
    const now = new Date(2026, 11, 5, 9, 30);
    expect(localDateTime(defaultDeadline(now))).toBe('2026-12-07 09:30');
  });
});

describe('the printable letter', () => {
  it('keeps a hostile shop name as text: no element, no script', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>&amp;';
    const { text } = fillLetter(DEFAULT_LETTER_TEMPLATES.en, { ...data, shop: hostile });
    const html = letterHtml(text, `Warning letter ${hostile}`, 'en');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('img, script')).toHaveLength(0);
    expect(doc.querySelector('[data-testid="warning-letter-text"]')!.textContent).toContain(hostile);
    expect(doc.title).toBe(`Warning letter ${hostile}`);
  });
});

describe("a case's letter data", () => {
  it('lists each listing once by its canonical URL, oldest first, with the brand and list version of the verdict', async () => {
    const base = (await makeCapture({ pngBytes: 0 })).record;
    const at = (itemId: string, capturedAt: string) => ({
      ...base,
      id: crypto.randomUUID(),
      itemId,
      capturedAt,
      url: `https://item.taobao.com/item.htm?id=${itemId}&spm=x`,
    });
    const captures = [at('222', '2026-12-03T10:00:00+08:00'), at('111', '2026-12-02T10:00:00+08:00'), at('222', '2026-12-01T10:00:00+08:00')];
    const item = { case: { id: 'c', platform: 'taobao' as const, shopKey: '100200300', shopName: 'Acme数码专营店', createdAt: '' }, captures };
    const d = letterData(item, { investigator: '王调查', investigatorOrg: 'Acme' }, new Date(2026, 11, 7, 10, 0), new Date(2026, 11, 5, 10, 0));
    expect(d.links).toEqual(['https://item.taobao.com/item.htm?id=222', 'https://item.taobao.com/item.htm?id=111']);
    expect(d).toMatchObject({
      shop: 'Acme数码专营店',
      shopId: '100200300',
      listVersion: '2026-11-01T00:00:00Z',
      deadline: '2026-12-07 10:00',
      date: '2026-12-05',
    });
  });
});
