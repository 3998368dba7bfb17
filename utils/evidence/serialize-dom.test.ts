// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { serializeDom } from '@/utils/evidence/serialize-dom';
import { markOwnNode } from '@/utils/content/own-nodes';

describe('serializeDom', () => {
  beforeEach(() => {
    document.head.replaceChildren();
    document.body.replaceChildren();
  });

  it('serializes the live DOM with a saved-by comment and without our UI, leaving the page intact', () => {
    const a = document.createElement('p');
    a.textContent = '券后价 ¥199.00';
    const panel = document.createElement('div');
    markOwnNode(panel);
    panel.textContent = 'LISTINGPROOF PANEL';
    const b = document.createElement('p');
    b.textContent = 'after';
    // The seller's copy of our old marker is the page's content and stays in the evidence.
    const forged = document.createElement('div');
    forged.setAttribute('data-listingproof-ui', 'panel');
    forged.textContent = 'SELLER TEXT';
    document.body.append(a, panel, b, forged);

    const html = serializeDom(document, 'https://detail.tmall.com/item.htm?id=1', '2026-11-23T21:05:03.123+08:00');
    expect(
      html.startsWith('<!DOCTYPE html>\n<!-- saved by ListingProof from https://detail.tmall.com/item.htm?id=1 at 2026-11-23T21:05:03.123+08:00 -->\n<html'),
    ).toBe(true);
    expect(html).toContain('券后价 ¥199.00');
    expect(html).toContain('after');
    expect(html).not.toContain('LISTINGPROOF PANEL');
    expect(html).toContain('<div data-listingproof-ui="panel">SELLER TEXT</div>');
    // put back where it was
    expect(Array.from(document.body.children)).toEqual([a, panel, b, forged]);
  });

  it('declares UTF-8 in place of the page charset and says so', () => {
    const meta = document.createElement('meta');
    meta.setAttribute('charset', 'gbk');
    document.head.append(meta);
    const html = serializeDom(document, 'https://item.taobao.com/item.htm?id=2', 'now');
    expect(html).toMatch(/<meta charset="utf-8"/);
    expect(html).toContain('re-encoded as UTF-8 (the page declared gbk)');
  });

  it('keeps the comment well-formed whatever the URL holds', () => {
    const html = serializeDom(document, 'https://x.test/a--b-->c', 'now');
    const comment = html.split('\n')[1]!;
    expect(comment.slice(4, -3)).not.toMatch(/--|>/);
  });
});
